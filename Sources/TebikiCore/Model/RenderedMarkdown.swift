/// An article body after parsing: the HTML and what later stages need to know about it.
public struct RenderedMarkdown: Sendable {
    /// The HTML as UTF-8, as pages take it in: made into a String, it was checked byte by byte
    /// for nothing.
    public var htmlUTF8: [UInt8]
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
    /// Every heading with its id, in document order.
    public var headings: [Heading]
    /// Every link and image the writer wrote, with where they wrote it.
    public var links: [LinkReference]
    /// Words in the body, counting each CJK character as one, as Japanese word counts do.
    public var wordCount: Int
    /// The text a reader sees, without markup, cut at each h2 and h3 so search can send a reader
    /// to the section that matches.
    public var sections: [TextSection]
    /// Items of the body's top-level numbered lists (`data-step` 1…n in the HTML).
    public var steps = 0

    /// `id` attributes in raw HTML (kept with `rawHTML: true`).
    public var rawHTMLIDs: [String] = []

    /// What a link's `#fragment` may name: heading ids and raw HTML's ids.
    public var fragmentIDs: Set<String> { Set(headings.map(\.id)).union(rawHTMLIDs) }

    /// h2 and h3, the levels a table of contents shows.
    public var tableOfContents: [Heading] { headings.filter { $0.level == 2 || $0.level == 3 } }
}

/// A stretch of an article's text: before the first heading (no id), or from a heading to the next.
public struct TextSection: Sendable, Equatable {
    public var id: String?
    public var heading: String
    /// The prose after the heading, inline code in it between `TextTokenizer.codeStart` and
    /// `codeEnd` (which tokenizing skips).
    public var text: String
    /// Its inline code and code blocks, one after another, indexed apart with a lower weight.
    public var code: String = ""
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// Plain text, without markup.
    public var text: String
    public var id: String
    public var line: Int
}

/// A link or image as written, and what the linking stage made of it.
public struct LinkReference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case link, image }
    public var kind: Kind
    public var destination: String
    public var target: LinkTarget
    /// Where the writer typed it.
    public var location: SourceLocation
    /// The URL put in the page, before HTML escaping; nil when it did not become a link.
    public var href: String? = nil
    /// Where the file it is in was included, innermost first, when it is in an included file.
    public var includedFrom: [SourceLocation] = []
    /// The id of the included file it is written in (`_snippets/contact`); nil in the article itself.
    public var sourceID: String?
}
