/// `llms.txt` (`en/llms.txt`), the index AI assistants read (llmstxt.org): the site's title and
/// description, then each category's articles, one line each, linking to their Markdown copies.
struct LLMsText {
    let site: LoadedSite
    let language: String

    /// Made as UTF-8 and appended to in place: joined as Strings, each article's line cost
    /// about 15,000 instructions (1,000 articles).
    var utf8: [UInt8] {
        let prefix = site.urlPrefix(of: language)
        var out: [UInt8] = []
        out.reserveCapacity(64 * site.articles.count + 256)
        func line(_ lead: StaticString, _ text: String, end: StaticString) {
            out.append(lead)
            Self.appendLine(text, to: &out)
            out.append(end)
        }
        line("# ", site.strings(for: language).title(site: site.config.title(in: language)), end: "\n\n")
        if let description = site.config.description { line("> ", description, end: "\n\n") }
        for category in site.categories where site.language(ofPath: category.id) == language {
            line("## ", category.title, end: "\n\n")
            for article in site.articles(in: category) {
                out.append("- [")
                Self.appendLine(article.title, escapingBrackets: true, to: &out)
                out.append("](")
                let path = article.urlPath + SiteLayout.markdownCopyFile
                out.append(utf8: site.config.baseURL.map { $0 + HTMLEscaping.percentEncode(path) }
                    ?? HTMLEscaping.percentEncode(String(path.dropFirst(prefix.count))))
                out.append(")")
                if let description = article.frontMatter.description {
                    out.append(": ")
                    Self.appendLine(description, to: &out)
                }
                out.append(0x0A)
            }
            out.append(0x0A)
        }
        return out
    }
}

private extension LLMsText {
    /// One line: a title or description written over several lines stays one list item, its
    /// lines trimmed and joined by spaces; in a link's text, `]` is escaped.
    static func appendLine(_ text: String, escapingBrackets: Bool = false, to out: inout [UInt8]) {
        // Most titles have no line break: no byte that starts one (\n \v \f \r, U+0085, U+2028, U+2029).
        guard text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else {
            append(text.trimmingSpaces(), escapingBrackets: escapingBrackets, to: &out)
            return
        }
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            if index > 0 { out.append(0x20) }
            append(line.trimmingSpaces(), escapingBrackets: escapingBrackets, to: &out)
        }
    }

    static func append(_ piece: Substring, escapingBrackets: Bool, to out: inout [UInt8]) {
        piece.withContiguousUTF8 { bytes in
            guard escapingBrackets, ByteSearch.buffer(bytes, contains: UInt8(ascii: "]")) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                if byte == UInt8(ascii: "]") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
        }
    }
}
