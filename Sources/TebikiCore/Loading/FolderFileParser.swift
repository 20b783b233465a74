/// `_category.yml` and `_section.yml`: the same three keys describe a category and a section.
extension Category {
    static func parse(_ text: String, id: String, path: String) -> (Category, [Diagnostic]) {
        let (title, description, order, diagnostics) = FolderFile.parse(text, path: path, code: .categoryInvalid)
        return (Category(id: id, title: title ?? id, description: description, order: order), diagnostics)
    }
}

extension Section {
    static func parse(_ text: String, id: String, path: String) -> (Section, [Diagnostic]) {
        let (title, description, order, diagnostics) = FolderFile.parse(text, path: path, code: .sectionInvalid)
        return (Section(id: id, title: title ?? String(id.split(separator: "/").last ?? ""), description: description, order: order),
                diagnostics)
    }
}

enum FolderFile {
    static func parse(_ text: String, path: String, code: DiagnosticCode)
        -> (title: String?, description: String?, order: Int?, diagnostics: [Diagnostic]) {
        var yaml = YAMLDocument(text: text, path: path, lineOffset: 0, code: code)
        var title: String?, description: String?, order: Int?
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title": title = yaml.nonEmptyString(value, key: key)
            case "description": description = yaml.optionalString(value, key: key)
            // Hugo's name for it.
            case "order", "weight": order = yaml.int(value, key: key)
            default:
                yaml.report(yaml.error(at: keyNode, "unknown key '\(key)' (known keys: title, description, order)"))
            }
        }
        return (title, description, order, yaml.diagnostics)
    }
}
