/// `_category.yml`.
extension Category {
    static func parse(_ text: String, id: String, path: String) -> (Category, [Diagnostic]) {
        var yaml = YAMLDocument(text: text, path: path, lineOffset: 0, code: .categoryInvalid)
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
