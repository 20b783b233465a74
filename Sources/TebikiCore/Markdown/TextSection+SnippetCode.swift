/// What a section's code comes down to once its terms are counted: the lines a search snippet
/// may show. The parse stage keeps only these, so a build of 10,000 articles does not hold every
/// code block twice (in the HTML and in the text) until the index is written.
extension TextSection {
    /// Each line cut to this many characters…
    static let snippetCodeLineLimit = 100
    /// …and this many characters of lines in all.
    static let snippetCodeLimit = 400

    /// The section's code lines, each once, trimmed and cut short, the first few hundred
    /// characters of them. On UTF-8 bytes: code is a good part of an article's text.
    var snippetCodeLines: [Substring] {
        var lines: [Substring] = [], total = 0
        let bytes = code.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex && total < Self.snippetCodeLimit {
            let end = ByteSearch.firstIndex(of: 0x0A, in: code[start...]) ?? bytes.endIndex
            let line = Self.trimmed(code[start..<end])
            start = end < bytes.endIndex ? bytes.index(after: end) : end
            // A line of no more bytes than the limit has no more characters either: only longer
            // ones are counted out, a scalar at a time.
            let scalars = line.unicodeScalars
            let cut = line.utf8.count <= Self.snippetCodeLineLimit ? line
                : line[..<(scalars.index(scalars.startIndex, offsetBy: Self.snippetCodeLineLimit, limitedBy: scalars.endIndex) ?? scalars.endIndex)]
            guard !cut.isEmpty, !lines.contains(cut) else { continue }
            lines.append(cut)
            total += cut.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        return lines
    }

    /// Those lines again, from a section whose code is already only them (`keepingSnippetCode`,
    /// as every parsed article's is): split apart, not worked out a second time.
    var keptCodeLines: [Substring] {
        code.utf8.split(separator: 0x0A).map { Substring($0) }
    }

    /// The same section with only those lines for its code, made in storage of its own size:
    /// the build keeps every section until the index is written, and joined, the code had room
    /// to spare and was copied once more to shrink it.
    var keepingSnippetCode: TextSection {
        var section = self
        let lines = snippetCodeLines
        let size = lines.reduce(max(lines.count - 1, 0)) { $0 + $1.utf8.count }
        var code = ""
        if size > 15 { code.reserveCapacity(size) }  // up to 15 bytes live inside the value itself
        for (index, line) in lines.enumerated() {
            if index > 0 { code.append("\n") }
            code.append(contentsOf: line)
        }
        section.code = code
        return section
    }
}

private extension TextSection {
    static func trimmed(_ text: Substring) -> Substring {
        let bytes = text.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }
}
