/// cmark counts columns in bytes; writers (and editors) count characters. This converts one to
/// the other for the lines a diagnostic or link points at, scanning the text only when asked.
struct SourceColumns {
    private let text: String
    private var lineStarts: [Int]?
    /// The last answer, as a byte offset in the text and its scalar column: links come in
    /// document order, so the next one on the same line is counted from here, not from the
    /// line's start (100,000 links on one line took minutes).
    private var last: (line: Int, offset: Int, column: Int)?

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
        guard let starts = lineStarts, line >= 1, line <= starts.count, byteColumn >= 1 else { return byteColumn }
        let target = min(starts[line - 1] + byteColumn - 1, utf8.count)
        var (offset, column) = (starts[line - 1], 1)
        if let last, last.line == line, last.offset <= target { (offset, column) = (last.offset, last.column) }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(utf8.startIndex, offsetBy: target)
        // Count the bytes that begin a scalar (everything but UTF-8 continuation bytes).
        column = utf8[start..<end].reduce(column) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        last = (line, target, column)
        return column
    }
}
