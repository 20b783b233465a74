import Foundation

/// `Articles/_glossary.yml`.
extension GlossaryEntry {
    static func parse(_ text: String, path: String) -> ([GlossaryEntry], [Diagnostic]) {
        var yaml = YAMLDocument(sequenceText: text, path: path, code: .glossaryInvalid)
        var entries: [GlossaryEntry] = []
        var seen: Set<String> = []
        for item in yaml.items {
            guard let fields = yaml.fields(of: item, in: "a glossary entry", allowed: ["term", "definition", "article"]) else { continue }
            var term: String?, definition: FrontMatter.Reference?, article: FrontMatter.Reference?
            for (key, _, value) in fields {
                switch key {
                case "term":
                    term = yaml.nonEmptyString(value, key: "term")
                    if let text = term, !seen.insert(text.lowercased()).inserted {
                        yaml.report(yaml.error(at: value, "'\(text)' is already in the glossary"))
                        term = nil
                    }
                case "definition":
                    definition = yaml.nonEmptyString(value, key: "definition").map { .init(value: $0, location: yaml.location(of: value)) }
                default:
                    if let id = yaml.nonEmptyString(value, key: "article") {
                        article = .init(value: id, location: yaml.location(of: value))
                    }
                }
            }
            yaml.require(["term", "definition"], in: fields, of: item, "a glossary entry")
            if let term, let definition {
                entries.append(GlossaryEntry(term: term, definition: definition.value, definitionLocation: definition.location, article: article))
            }
        }
        return (entries, yaml.diagnostics)
    }
}
