extension String {
    /// `body` with the text's UTF-8, read in place when it is contiguous, as a native String's is;
    /// other text (bridged, or not yet in UTF-8) is made contiguous in a copy first. Copied into a
    /// `var` for `withUTF8`, a text was retained and released, on every text of every article,
    /// and on values every page shares, by both cores in turn.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension Substring {
    /// The same for a part of a text.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
