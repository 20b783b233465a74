/// What raw HTML (kept with `rawHTML: true`) tells the site: its `id` attributes, which links'
/// fragments may name, and its `<img src>` images, which must be published, checked and have
/// their URLs written for the page, like Markdown images.
enum RawHTMLReferences {
    /// The values of every `id` attribute.
    static func ids(in html: String) -> [String] {
        guard html.contains("id") else { return [] }
        return html.matches(of: idAttribute).compactMap { match in
            (match.output.1 ?? match.output.2 ?? match.output.3).map(String.init)
        }
    }

    /// Each `<img>`'s `src` value, with where it stands in `html`.
    static func imageSources(in html: String) -> [(range: Range<String.Index>, value: String)] {
        guard html.contains("<img") || html.contains("<IMG") else { return [] }
        return html.matches(of: imageTag).compactMap { tag in
            guard let source = html[tag.range].firstMatch(of: sourceAttribute),
                  let value = source.output.1 ?? source.output.2 ?? source.output.3 else { return nil }
            return (value.startIndex..<value.endIndex, value.replacingOccurrences(of: "&amp;", with: "&"))
        }
    }
}

private extension RawHTMLReferences {
    nonisolated(unsafe) static let idAttribute = #/(?i)[\s"']id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/#
    nonisolated(unsafe) static let imageTag = #/(?i)<img\b[^>]*>/#
    nonisolated(unsafe) static let sourceAttribute = #/(?i)\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/#
}
