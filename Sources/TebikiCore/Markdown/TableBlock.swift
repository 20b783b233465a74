/// A GitHub table found in the lines of what cmark took for a paragraph: a header row, a
/// delimiter row (`| --- | :-: |`) with as many cells, then body rows until the paragraph ends,
/// which is where GitHub ends a table too (a blank line or the start of another block).
struct TableBlock {
    enum Alignment: Equatable { case none, left, center, right }

    /// One cell's text as written (escaped pipes already unescaped), and where it starts.
    struct Cell {
        var text: String
        var line: Int
        /// Bytes before the cell's text on its line.
        var byteOffset: Int
    }

    /// A line of the paragraph without its block quote markers: its text, and where that text starts.
    struct Line {
        var text: Substring
        var number: Int
        var byteOffset: Int
    }

    /// Lines of the paragraph before the table, which stay a paragraph.
    var leading: [Line]
    var alignments: [Alignment]
    var header: [Cell]
    /// Each row has exactly as many cells as the header: short rows are filled with empty cells,
    /// long ones cut.
    var rows: [[Cell]]

    /// The table in `lines`, or nil when they are not one.
    init?(_ lines: [Line]) {
        var found: (delimiter: Int, alignments: [Alignment], header: [Cell])?
        for index in lines.indices.dropFirst() {
            guard let alignments = Self.alignments(lines[index].text),
                  lines[index].text.contains("|") || lines[index - 1].text.contains("|") else { continue }
            let header = Self.cells(lines[index - 1])
            if header.count == alignments.count {
                found = (index, alignments, header)
                break
            }
        }
        guard let (delimiter, alignments, header) = found else { return nil }
        leading = Array(lines[..<(delimiter - 1)])
        self.alignments = alignments
        self.header = header
        rows = lines[(delimiter + 1)...].map { line in
            var cells = Self.cells(line)
            if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
            while cells.count < alignments.count {
                cells.append(Cell(text: "", line: line.number, byteOffset: line.byteOffset + line.text.utf8.count))
            }
            return cells
        }
    }

    /// The lines of a paragraph from `first` to `last` in `source`, block quote markers cut off:
    /// `column` is where the first line's text starts (after a list marker, say).
    static func lines(of source: SourceLines, first: Int, last: Int, column: Int, quoteDepth: Int) -> [Line] {
        (first...last).map { number in
            let text = source[number]
            var start = text.startIndex
            if number == first {
                start = text.utf8.index(text.startIndex, offsetBy: min(column - 1, text.utf8.count))
            } else {
                start = skipQuoteMarkers(text, depth: quoteDepth)
            }
            return Line(text: text[start...], number: number, byteOffset: text.utf8.distance(from: text.startIndex, to: start))
        }
    }
}

private extension TableBlock {
    /// `| :-- | --: |` → left, right; nil when the line is not a delimiter row.
    static func alignments(_ line: Substring) -> [Alignment]? {
        let trimmed = line.trimmingSpaces()
        guard trimmed.contains("-"),
              trimmed.utf8.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 })
        else { return nil }
        var alignments: [Alignment] = []
        for cell in rowCells(trimmed) {
            let text = cell.text.trimmingSpaces()
            let left = text.hasPrefix(":"), right = text.hasSuffix(":")
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right && text.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    static func cells(_ line: Line) -> [Cell] {
        rowCells(line.text).map { cell in
            let leading = cell.text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            return Cell(text: String(cell.text.trimmingSpaces()).replacingOccurrences(of: "\\|", with: "|"),
                        line: line.number, byteOffset: line.byteOffset + cell.offset + leading)
        }
    }

    /// A row split at pipes that are not escaped, without the optional pipes at either end; each
    /// cell with its byte offset in `line`.
    static func rowCells(_ line: Substring) -> [(text: Substring, offset: Int)] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), !(end - 2 >= start && bytes[end - 2] == UInt8(ascii: "\\")) { end -= 1 }
        var cells: [(Substring, Int)] = []
        var cellStart = start, index = start
        func cut(_ upTo: Int) {
            let from = line.utf8.index(line.startIndex, offsetBy: cellStart)
            let to = line.utf8.index(line.startIndex, offsetBy: upTo)
            cells.append((line[from..<to], cellStart))
        }
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") {
                index = min(index + 2, end)
                continue
            }
            if bytes[index] == UInt8(ascii: "|") {
                cut(index)
                cellStart = index + 1
            }
            index += 1
        }
        cut(end)
        return cells
    }

    /// Past `depth` block quote markers (`>` and one space after it) at the start of a line that
    /// continues a paragraph; a lazy continuation line has none.
    static func skipQuoteMarkers(_ text: Substring, depth: Int) -> Substring.Index {
        var index = text.startIndex
        for _ in 0..<depth {
            var probe = index
            while probe < text.endIndex, text[probe] == " " || text[probe] == "\t" { probe = text.index(after: probe) }
            guard probe < text.endIndex, text[probe] == ">" else { break }
            probe = text.index(after: probe)
            if probe < text.endIndex, text[probe] == " " { probe = text.index(after: probe) }
            index = probe
        }
        return index
    }
}
