/// The first level-one ATX heading of an article's body (`# Title`), outside fenced code: the
/// title of a page written for VitePress, Docusaurus and other tools, which take it from there.
/// The heading is then left out of the body, so the page does not show its title twice.
struct LeadingHeading: Equatable {
    var title: String
    /// The body with the heading's line emptied, so every other line keeps its number.
    var body: String

    init?(_ body: Substring) {
        var fence: Substring?
        var offset = body.startIndex
        while offset < body.endIndex {
            let end = body[offset...].firstIndex(of: "\n") ?? body.endIndex
            let line = body[offset..<end]
            let indented = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indented)
            if let open = fence {
                if indented < 4, content.hasPrefix(open), content.allSatisfy({ $0 == open.first! || $0 == " " }) { fence = nil }
            } else if indented < 4, content.hasPrefix("```") || content.hasPrefix("~~~") {
                fence = content.prefix { $0 == content.first! }
            } else if indented < 4, content == "#" || content.hasPrefix("# ") || content.hasPrefix("#\t") {
                var text = content.dropFirst().trimmingSpaces()
                // A closing run of #s, and a custom id, are not part of the title.
                if let close = text.lastIndex(where: { $0 != "#" }), close < text.index(before: text.endIndex),
                   text[text.index(after: close)...].allSatisfy({ $0 == "#" }), text[close] == " " {
                    text = text[..<close].trimmingSpaces()
                }
                if text.hasSuffix("}"), let open = text.range(of: " {#", options: .backwards) { text = text[..<open.lowerBound].trimmingSpaces() }
                guard !text.isEmpty else { return nil }
                title = String(text)
                self.body = String(body[..<offset]) + String(body[end...])
                return
            }
            offset = end < body.endIndex ? body.index(after: end) : body.endIndex
        }
        return nil
    }
}
