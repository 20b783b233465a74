import Foundation

/// The YAML block at the top of an article. Keys follow Hugo's names so content moves over as is.
public struct FrontMatter: Sendable, Equatable {
    public var title: String = ""
    public var linkTitle: String?
    public var description: String?
    public var tags: [String] = []
    public var keywords: [String] = []
    /// Articles named by their path under `Articles/` without `.md`, in the writer's order.
    public var related: [Reference] = []
    public var weight: Int?
    public var draft = false
    public var date: Date?
    public var lastmod: Date?
    /// Before this day the article is not published (`publishDate`), from this day on no longer (`expiryDate`).
    public var publishDate: Date?
    public var expiryDate: Date?
    /// The article's social card image, a path relative to it, as an image is written in it.
    public var image: Reference?
    /// Listed first on the home page ("popular articles", Zendesk's promoted articles).
    public var promoted = false
    public var slug: Reference?
    public var aliases: [Reference] = []
    /// The article's guided tour and hints (`tour:`, `hints:`).
    public var guidance = Guidance()

    /// A value the linking stage resolves later, kept with where the writer typed it.
    public struct Reference: Sendable, Equatable {
        public var value: String
        public var location: SourceLocation
    }

    public init() {}

    /// Why the article is left out at `now` by its dates, e.g. "publishDate 2027-04-01 is still to come".
    public func unpublishedReason(at now: Date) -> String? {
        if let publishDate, publishDate > now { return "its publishDate \(publishDate.isoDay) is still to come" }
        if let expiryDate, expiryDate <= now { return "its expiryDate \(expiryDate.isoDay) has passed" }
        return nil
    }

    /// Keys other documentation tools read, to say whose a key is when a moved page keeps it.
    static let otherToolsKeys = [
        "sidebar": "VitePress", "outline": "VitePress", "pageClass": "VitePress", "layout": "VitePress's and Jekyll",
        "nav_order": "the Just the Docs theme", "parent": "the Just the Docs theme", "permalink": "Jekyll", "sidebar_position": "Docusaurus",
        "sidebar_label": "Docusaurus", "hide_title": "Docusaurus", "sidebar_class_name": "Docusaurus", "template": "Starlight",
    ]

    static let knownKeys: Set<String> = [
        "title", "linkTitle", "description", "summary", "tags", "keywords", "categories", "related",
        "weight", "draft", "date", "lastmod", "publishDate", "expiryDate", "slug", "aliases", "tour", "hints",
        "image", "promoted", "announcements",
    ]
}
