import Foundation

/// The clean Markdown of an article that AI assistants and other tools read
/// (`<article-url>/index.md`): front matter cut to title, description and updated, included
/// files and variables expanded, and each link and image pointing where the page's does, so
/// the copy reads the same wherever it is fetched from.
struct MarkdownCopy {
    /// What the copy reads of the article, rather than the whole of it: taken as a whole, the
    /// article was copied for every copy, each of its arrays and texts retained and released.
    let source: ArticleSource
    /// The article's Markdown, included files and variables expanded.
    let markdown: String
    let links: [LinkReference]
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
        guard ByteSearch.text(markdown, contains: "<!--@include:") else { return markdown }
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

    /// The copy as UTF-8, each link and image pointing where the page's does; made as bytes,
    /// as it is written, so its text is neither validated again nor concatenated.
    var utf8: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count + markdown.utf8.count / 4 + 256)
        out.append("---\ntitle: ")
        out.append(utf8: Self.yamlString(source.title))
        if let description = source.frontMatter.description {
            out.append("\ndescription: ")
            out.append(utf8: Self.yamlString(description))
        }
        if let updated = source.lastModified {
            out.append("\nupdated: ")
            out.append(utf8: updated.isoDay)
        }
        out.append("\n---\n\n")
        let urls = Dictionary(links.map { ($0.destination, url(for: $0)) }, uniquingKeysWith: { first, _ in first })
        let bodyStart = out.count
        Self.rewriteLinks(in: markdown.drop { $0 == "\n" }, urls, into: &out)
        if out.count == bodyStart || out.last != 0x0A { out.append(0x0A) }
        return out
    }
}

extension MarkdownCopy {
    /// Each `[text](destination)`, `[text](<destination>)` and `[label]: destination` outside
    /// fenced code, its destination replaced by `urls[destination]`; a link whose URL is empty
    /// becomes its text. One pass over the bytes, appended to `out`: a copy is written for
    /// every article.
    static func rewriteLinks(in markdown: Substring, _ urls: [String: String], into out: inout [UInt8]) {
        var markdown = markdown
        let first = out.count
        markdown.withUTF8 { bytes in
            // Bytes are copied in runs, up to where the copy differs: one append a byte was most
            // of the copy's time.
            var runStart = 0
            func copy(upTo end: Int) {
                if runStart < end { out += UnsafeBufferPointer(rebasing: bytes[runStart..<end]) }
                runStart = end
            }
            // Where each open bracket is in `out` (its run copied or not).
            var opened: [Int] = []
            var index = 0
            var inFence = false
            var atLineStart = true
            while index < bytes.count {
                if atLineStart {
                    var first = index
                    while first < bytes.count && first - index < 3 && bytes[first] == 0x20 { first += 1 }
                    let fence = first + 2 < bytes.count && (bytes[first] == 0x60 || bytes[first] == 0x7E)
                        && bytes[first + 1] == bytes[first] && bytes[first + 2] == bytes[first]
                    if fence { inFence.toggle() }
                    if fence || inFence {
                        index = bytes[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                        opened.removeAll()
                        continue
                    }
                }
                // Only brackets and line ends matter. With no bracket open, memchr finds the line's
                // end and its first `[`, and a line without one is passed over whole; otherwise
                // the bytes up to the next bracket or line end are. Read a byte at a time through
                // the checks below, the copies cost 24 instructions a byte.
                if opened.isEmpty {
                    let lineEnd = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: index) ?? bytes.count
                    guard let bracket = ByteSearch.firstIndex(of: 0x5B, in: bytes, from: index, to: lineEnd) else {
                        index = lineEnd + 1
                        atLineStart = true
                        continue
                    }
                    index = bracket
                } else {
                    while index < bytes.count, bytes[index] != 0x5B, bytes[index] != 0x5D, bytes[index] != 0x0A { index += 1 }
                    guard index < bytes.count else { break }
                }
                let byte = bytes[index]
                atLineStart = byte == 0x0A
                if byte == 0x5B { opened.append(out.count + index - runStart) }
                if byte == 0x5D, let open = opened.popLast(), index + 1 < bytes.count,
                   bytes[index + 1] == 0x28 || (bytes[index + 1] == 0x3A && index + 2 < bytes.count && bytes[index + 2] == 0x20) {
                    let inline = bytes[index + 1] == 0x28
                    var start = index + (inline ? 2 : 3)
                    let angled = inline && start < bytes.count && bytes[start] == 0x3C
                    if angled { start += 1 }
                    var end = start
                    while end < bytes.count {
                        let next = bytes[end]
                        if angled ? next == 0x3E : (next == 0x29 || next == 0x20 || next == 0x0A || next == 0x09) { break }
                        end += 1
                    }
                    if end > start, let url = urls[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)] {
                        if url.isEmpty && inline && !angled && end < bytes.count && bytes[end] == 0x29 {
                            // Plain text: the brackets and the destination go, the text stays.
                            copy(upTo: index)
                            out.remove(at: open)
                            if open > first && out[open - 1] == 0x21 { out.remove(at: open - 1) }
                            index = end + 1
                            runStart = index
                            continue
                        }
                        copy(upTo: start)
                        out.append(utf8: url)
                        index = end
                        runStart = end
                        continue
                    }
                }
                index += 1
            }
            copy(upTo: bytes.count)
        }
    }
}

private extension MarkdownCopy {
    /// A link's URL in the copy: absolute with a base URL, else as the page has it (the copy
    /// sits beside the page); empty for one the page shows as plain text (unsafe, unpublished).
    func url(for link: LinkReference) -> String {
        guard let href = link.href else { return "" }
        guard let baseURL, let page = URL(string: baseURL + HTMLEscaping.percentEncode(source.urlPath)),
              !Self.isAbsolute(href), let absolute = URL(string: href, relativeTo: page)?.absoluteString else { return href }
        return absolute
    }

    static func isAbsolute(_ href: String) -> Bool { href.hasPrefix("//") || URLScheme.of(href) != nil || href.hasPrefix("#") }

    static func yamlString(_ text: String) -> String { JSONText.string(text) }

    /// Variables are replaced in prose, never in code (fenced blocks and backtick spans), as the page does.
    static func substituteOutsideCode(_ markdown: String, _ variables: TextVariables) -> String {
        guard !variables.values.isEmpty, markdown.utf8.contains(UInt8(ascii: "{")) else { return markdown }
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
