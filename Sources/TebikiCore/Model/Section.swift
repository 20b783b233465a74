/// A folder of articles inside a category (`Articles/<category>/<section>/`), described by its
/// `_section.yml`, as Zendesk Guide groups a category's articles into sections.
public struct Section: Sendable, Equatable {
    /// The folder's path under `Articles/` (`admin/users`), which is also its page's URL path.
    public var id: String
    public var title: String
    public var description: String?
    /// Position on the category's page; sections without one come after, by title.
    public var order: Int?

    public init(id: String, title: String, description: String? = nil, order: Int? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.order = order
    }

    /// Its category's id: the id without the last folder (`admin`, `en/admin`).
    public var categoryID: String { id.lastIndex(of: "/").map { String(id[..<$0]) } ?? "" }
    /// The folder's own name, the title when `_section.yml` gives none.
    public var name: String { id.lastIndex(of: "/").map { String(id[id.index(after: $0)...]) } ?? id }

    public static let fileName = "_section.yml"

    /// As `Category.inherit`.
    mutating func inherit(from original: Section) {
        if title == name { title = original.title }
        if description == nil { description = original.description }
        if order == nil { order = original.order }
    }

    /// As `Category.introduce`.
    mutating func introduce(_ introduction: ArticleSource) {
        if title == name, !introduction.title.isEmpty { title = introduction.title }
        if description == nil { description = introduction.frontMatter.description }
    }
}
