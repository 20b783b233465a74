/// A text's lines by number (1-based), found once and cut without copying.
struct SourceLines {
    private let text: Substring
    private let starts: [String.Index]

    init(_ text: Substring) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.utf8.startIndex
        while let newline = text.utf8[index...].firstIndex(of: 0x0A) {
            index = text.utf8.index(after: newline)
            starts.append(index)
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// The line without its line break; empty past the end.
    subscript(number: Int) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        let start = starts[number - 1]
        var end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<end]
    }
}
