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
    public var publishDate: Date?
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

    /// Keys other documentation tools read, to say whose a key is when a moved page keeps it.
    static let otherToolsKeys = [
        "sidebar": "VitePress", "outline": "VitePress", "pageClass": "VitePress", "layout": "VitePress's and Jekyll",
        "nav_order": "the Just the Docs theme", "parent": "the Just the Docs theme", "permalink": "Jekyll", "sidebar_position": "Docusaurus",
        "sidebar_label": "Docusaurus", "hide_title": "Docusaurus", "sidebar_class_name": "Docusaurus", "template": "Starlight",
    ]

    static let knownKeys: Set<String> = [
        "title", "linkTitle", "description", "summary", "tags", "keywords", "categories", "related",
        "weight", "draft", "date", "lastmod", "publishDate", "slug", "aliases", "tour", "hints",
    ]
}
