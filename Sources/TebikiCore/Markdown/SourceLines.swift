/// A text's lines by number (1-based), found once and cut without copying.
struct SourceLines {
    private let text: Substring
    /// Byte offset of each line's start.
    private let starts: [Int]

    init(_ text: Substring) {
        self.text = text
        var starts = [0]
        var copy = text
        copy.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// The line without its line break; empty past the end.
    subscript(number: Int) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        var end = number < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        return text[start..<end]
    }
}
