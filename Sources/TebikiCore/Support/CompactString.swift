extension String {
    /// The same text in storage of its own size. A string grown by appending has up to twice
    /// the room it needs, and the build keeps every article's HTML and text until it is written.
    var compacted: String {
        // Up to 15 bytes live inside the value itself.
        guard utf8.count > 15 else { return self }
        var copy = String()
        copy.reserveCapacity(utf8.count)
        copy.append(self)
        return copy
    }
}
