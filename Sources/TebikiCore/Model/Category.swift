/// A folder of articles under `Articles/`, described by its `_category.yml`.
public struct Category: Sendable, Equatable {
    /// The folder name, which is also its URL segment.
    public var id: String
    public var title: String
    public var description: String?
    /// Position on the home page; categories without one come after, by title.
    public var order: Int?

    public static let fileName = "_category.yml"
    static let introductionFiles = ["index.md", "_index.md"]

    /// The title and description of its introduction (`index.md`) stand in for those
    /// `_category.yml` does not give.
    /// A translated category takes from the original what its own `_category.yml` leaves out.
    mutating func inherit(from original: Category) {
        if title == id { title = original.title }
        if description == nil { description = original.description }
        if order == nil { order = original.order }
    }

    mutating func introduce(_ introduction: ArticleSource) {
        if title == id, !introduction.title.isEmpty { title = introduction.title }
        if description == nil { description = introduction.frontMatter.description }
    }
}
