/// cmark counts columns in bytes; writers (and editors) count characters. This converts one to
/// the other for the lines a diagnostic or link points at, scanning the text only when asked.
struct SourceColumns {
    private let text: String
    private var lineStarts: [Int]?

    init(_ markdown: String) {
        text = markdown
    }

    /// The 1-based Unicode scalar column of 1-based `byteColumn` on 1-based body `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        let utf8 = text.utf8
        if lineStarts == nil {
            var starts = [0]
            var offset = 0
            for byte in utf8 {
                offset += 1
                if byte == 0x0A { starts.append(offset) }
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count else { return byteColumn }
        let start = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        // Count the bytes that begin a scalar (everything but UTF-8 continuation bytes).
        return utf8[start..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
