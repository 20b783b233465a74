/// cmark counts columns in bytes; writers (and editors) count characters. This converts one to
/// the other for the lines a diagnostic or link points at.
struct SourceColumns {
    private let bytes: [UInt8]
    private var lineStarts: [Int]?

    init(_ markdown: String) {
        bytes = Array(markdown.utf8)
    }

    /// The 1-based Unicode scalar column of 1-based `byteColumn` on 1-based body `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        if lineStarts == nil {
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count else { return byteColumn }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        guard start <= end else { return byteColumn }
        // Count the bytes that begin a scalar (everything but UTF-8 continuation bytes).
        return bytes[start..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
