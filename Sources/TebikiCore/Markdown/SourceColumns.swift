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
        let range = lines.byteRange(line)
        let target = min(byteColumn - 1, range.count)
        var (offset, column) = (0, 1)
        if let last, last.line == line, last.offset <= target { (offset, column) = (last.offset, last.column) }
        // Count the bytes that begin a scalar (everything but UTF-8 continuation bytes), read
        // where they are: through a Substring's UTF-8 view it cost 15 instructions a byte.
        text.withContiguousUTF8 { bytes in
            for index in range.lowerBound + offset..<range.lowerBound + target where bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        last = (line, target, column)
        return column
    }
}
