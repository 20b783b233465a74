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
            var offset = 0
            while let found = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: offset) {
                offset = found + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Where the line is in the text's UTF-8, without its line break; empty past the end.
    func byteRange(_ number: Int) -> Range<Int> {
        guard number >= 1, number <= starts.count else { return 0..<0 }
        let start = starts[number - 1]
        let utf8 = text.utf8
        var end = number < starts.count ? starts[number] - 1 : utf8.count
        if end > start, utf8[utf8.index(utf8.startIndex, offsetBy: end - 1)] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The line without its line break; empty past the end.
    subscript(number: Int) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        let range = byteRange(number), utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }
}
