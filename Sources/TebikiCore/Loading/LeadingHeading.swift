/// The first level-one ATX heading of an article's body (`# Title`), outside fenced code: the
/// title of a page written for VitePress, Docusaurus and other tools, which take it from there.
/// The heading is then left out of the body, so the page does not show its title twice.
struct LeadingHeading: Equatable {
    var title: String
    /// The body with the heading's line emptied, so every other line keeps its number.
    var body: String

    /// Every article is scanned (a title in front matter wins only later), so lines are read
    /// as bytes: the markers are ASCII, and only the heading's own line becomes a `String`.
    init?(_ body: Substring) {
        let bytes = body.utf8
        var fence: (byte: UInt8, count: Int)?
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[offset..<end]
            let indented = line.prefix { $0 == 0x20 }.count
            let content = line.dropFirst(indented)
            if let open = fence {
                if indented < 4, content.prefix { $0 == open.byte }.count >= open.count,
                   content.allSatisfy({ $0 == open.byte || $0 == 0x20 }) { fence = nil }
            } else if indented < 4, let first = content.first, first == 0x60 || first == 0x7E,
                      case let run = content.prefix(while: { $0 == first }).count, run >= 3 {
                fence = (first, run)
            } else if indented < 4, content.first == 0x23, content.count == 1 || [0x20, 0x09].contains(content.dropFirst().first!) {
                guard let title = Self.title(Substring(content)) else { return nil }
                self.title = title
                self.body = String(body[..<offset]) + String(body[end...])
                return
            }
            offset = end < bytes.endIndex ? bytes.index(after: end) : bytes.endIndex
        }
        return nil
    }
}

private extension LeadingHeading {
    /// The heading's text without its `#`, a closing run of #s or a custom id.
    static func title(_ content: Substring) -> String? {
        var text = content.dropFirst().trimmingSpaces()
        if let close = text.lastIndex(where: { $0 != "#" }), close < text.index(before: text.endIndex),
           text[text.index(after: close)...].allSatisfy({ $0 == "#" }), text[close] == " " {
            text = text[..<close].trimmingSpaces()
        }
        if text.hasSuffix("}"), let open = text.range(of: " {#", options: .backwards) { text = text[..<open.lowerBound].trimmingSpaces() }
        return text.isEmpty ? nil : String(text)
    }
}
