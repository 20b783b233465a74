/// cmark counts columns in bytes; writers (and editors) count characters. This converts one to
/// the other for the lines a diagnostic or link points at, finding the lines only when asked.
struct SourceColumns {
    private let text: String
    private var lines: SourceLines?
    /// The last answer, as a byte offset in its line and its scalar column: links come in
    /// document order, so the next one on the same line is counted from here, not from the
    /// line's start (100,000 links on one line took minutes).
    private var last: (line: Int, offset: Int, column: Int)?

    init(_ markdown: String) {
        text = markdown
    }

    /// The 1-based Unicode scalar column of 1-based `byteColumn` on 1-based body `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        if lines == nil { lines = SourceLines(text[...]) }
        guard let lines, line >= 1, line <= lines.count, byteColumn >= 1 else { return byteColumn }
        let utf8 = lines[line].utf8
        let target = min(byteColumn - 1, utf8.count)
        var (offset, column) = (0, 1)
        if let last, last.line == line, last.offset <= target { (offset, column) = (last.offset, last.column) }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(utf8.startIndex, offsetBy: target)
        // Count the bytes that begin a scalar (everything but UTF-8 continuation bytes).
        column = utf8[start..<end].reduce(column) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        last = (line, target, column)
        return column
    }
}
