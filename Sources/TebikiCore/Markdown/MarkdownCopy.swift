import Foundation

/// The clean Markdown of an article that AI assistants and other tools read
/// (`<article-url>/index.md`): front matter cut to title, description and updated, included
/// files and variables expanded, and each link and image pointing where the page's does, so
/// the copy reads the same wherever it is fetched from.
struct MarkdownCopy {
    let article: ParsedArticle
    /// Where the site is published; links are absolute from it when it is set.
    let baseURL: String?

    /// The parse stage's part: the body with included files and variables expanded.
    static func expanded(_ markdown: String, path: String, variables: TextVariables,
                         include: (_ written: String, _ fromPath: String) -> MarkdownRenderer.IncludedFile?) -> String {
        substituteOutsideCode(expandIncludes(markdown, path: path, include: include), variables)
    }

    /// Expands `<!--@include: …-->` lines with `include` (nil when a file cannot be read, which
    /// the renderer reports), at most `depth` files deep, as the renderer would.
    private static func expandIncludes(_ markdown: String, path: String, depth: Int = 8,
                               include: (_ written: String, _ fromPath: String) -> MarkdownRenderer.IncludedFile?) -> String {
        guard markdown.contains("<!--@include:") else { return markdown }
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            guard depth > 0, trimmed.hasPrefix("<!--@include:"), trimmed.hasSuffix("-->"),
                  let file = include(String(trimmed.dropFirst("<!--@include:".count).dropLast(3).trimmingSpaces()), path) else {
                lines.append(line)
                continue
            }
            lines.append(Substring(expandIncludes(file.markdown, path: file.path, depth: depth - 1, include: include)))
        }
        return lines.joined(separator: "\n")
    }

    /// The copy, each link and image pointing where the page's does.
    var text: String {
        let source = article.source
        var out = "---\ntitle: " + Self.yamlString(source.title) + "\n"
        if let description = source.frontMatter.description { out += "description: " + Self.yamlString(description) + "\n" }
        if let updated = source.lastModified { out += "updated: " + updated.isoDay + "\n" }
        out += "---\n\n"
        var body = String(article.markdown.drop { $0 == "\n" })
        let links = article.body.links
        // Longest first, so `a.md#x` is not cut by a replacement of `a.md`.
        let replacements = Dictionary(links.map { ($0.destination, url(for: $0)) }, uniquingKeysWith: { first, _ in first })
        for (destination, url) in replacements.sorted(by: { $0.key.count > $1.key.count }) where destination != url {
            // A link the page shows as plain text (unsafe, unpublished) is its text here too.
            if url.isEmpty, let pattern = try? NSRegularExpression(pattern: #"(?<!!)\[([^\]]*)\]\("# + NSRegularExpression.escapedPattern(for: destination) + #"\)"#) {
                body = pattern.stringByReplacingMatches(in: body, range: NSRange(body.startIndex..., in: body), withTemplate: "$1")
            }
            for (open, close) in [("](", ")"), ("](", " "), ("]: ", "\n"), ("]: ", " "), ("](<", ">)")] {
                body = body.replacingOccurrences(of: open + destination + close, with: open + url + close)
            }
        }
        return out + body + (body.hasSuffix("\n") ? "" : "\n")
    }
}

private extension MarkdownCopy {
    /// A link's URL in the copy: absolute with a base URL, else as the page has it (the copy
    /// sits beside the page); empty for one the page shows as plain text (unsafe, unpublished).
    func url(for link: LinkReference) -> String {
        guard let href = link.href else { return "" }
        guard let baseURL, let page = URL(string: baseURL + HTMLEscaping.percentEncode(article.source.urlPath)),
              !Self.isAbsolute(href), let absolute = URL(string: href, relativeTo: page)?.absoluteString else { return href }
        return absolute
    }

    static func isAbsolute(_ href: String) -> Bool { href.hasPrefix("//") || URLScheme.of(href) != nil || href.hasPrefix("#") }

    static func yamlString(_ text: String) -> String { JSONText.string(text) }

    /// Variables are replaced in prose, never in code (fenced blocks and backtick spans), as the page does.
    static func substituteOutsideCode(_ markdown: String, _ variables: TextVariables) -> String {
        guard !variables.values.isEmpty, markdown.contains("{{") else { return markdown }
        var fence: Substring?
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                lines.append(String(line))
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                lines.append(String(line))
                continue
            }
            // Between backticks is code: even pieces are prose.
            let pieces = line.split(separator: "`", omittingEmptySubsequences: false)
            lines.append(pieces.enumerated().map { $0.offset.isMultiple(of: 2) ? variables.substitute(String($0.element)).text : String($0.element) }
                .joined(separator: "`"))
        }
        return lines.joined(separator: "\n")
    }
}
