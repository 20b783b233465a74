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

    /// The same section with only those lines for its code.
    var keepingSnippetCode: TextSection {
        var section = self
        section.code = snippetCodeLines.joined(separator: "\n")
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

extension TextSection {
    /// Its code without the spare room appending left it (`String.compacted`); the text is
    /// made from the renderer's bytes at its size already.
    var compacted: TextSection {
        var section = self
        section.code = code.compacted
        return section
    }
}
