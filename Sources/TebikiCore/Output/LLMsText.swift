/// `llms.txt` (`en/llms.txt`), the index AI assistants read (llmstxt.org): the site's title and
/// description, then each category's articles, one line each, linking to their Markdown copies.
struct LLMsText {
    let site: LoadedSite
    let language: String

    func text() -> String {
        let prefix = site.urlPrefix(of: language)
        func url(_ path: String) -> String {
            site.config.baseURL.map { $0 + HTMLEscaping.percentEncode(path) } ?? HTMLEscaping.percentEncode(String(path.dropFirst(prefix.count)))
        }
        var text = "# " + Self.line(site.strings(for: language).title(site: site.config.title(in: language))) + "\n\n"
        if let description = site.config.description { text += "> " + Self.line(description) + "\n\n" }
        for category in site.categories where site.language(ofPath: category.id) == language {
            text += "## " + Self.line(category.title) + "\n\n"
            for article in site.articles(in: category) {
                let title = Self.line(article.title)
                text += "- [" + (title.utf8.contains(UInt8(ascii: "]")) ? title.replacingOccurrences(of: "]", with: "\\]") : title)
                text += "](" + url(article.urlPath + SiteLayout.markdownCopyFile) + ")"
                if let description = article.frontMatter.description { text += ": " + Self.line(description) }
                text += "\n"
            }
            text += "\n"
        }
        return text
    }
}

private extension LLMsText {
    /// One line: a title or description written over several lines stays one list item.
    static func line(_ text: String) -> String {
        // Most titles have no line break: no byte that starts one (\n \v \f \r, U+0085, U+2028, U+2029).
        guard text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else {
            return String(text.trimmingSpaces())
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    }
}
