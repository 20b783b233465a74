/// A folder of articles under `Articles/`, described by its `_category.yml`.
public struct Category: Sendable, Equatable {
    /// The folder name, which is also its URL segment.
    public var id: String
    public var title: String
    public var description: String?
    /// Position on the home page; categories without one come after, by title.
    public var order: Int?

    public static let fileName = "_category.yml"
    static let keys = ["title", "description", "order", "weight"]
}
