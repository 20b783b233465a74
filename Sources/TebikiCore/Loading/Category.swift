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

extension Category {
    static func parse(_ text: String, id: String, path: String) -> (Category, [Diagnostic]) {
        var yaml = YAMLDocument(text: text, path: path, lineOffset: 0)
        var category = Category(id: id, title: id)
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title": category.title = yaml.nonEmptyString(value, key: key) ?? id
            case "description": category.description = yaml.optionalString(value, key: key)
            case "order", "weight": category.order = yaml.int(value, key: key)
            default:
                yaml.report(yaml.error(at: keyNode, "unknown key '\(key)' (known keys: title, description, order)"))
            }
        }
        return (category, yaml.diagnostics)
    }
}
