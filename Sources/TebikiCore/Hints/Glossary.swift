import Foundation
import Yams

/// `Articles/_glossary.yml`: terms readers may not know, each with a short definition and
/// optionally the article that explains it. The first use of a term in each article's text
/// gets the definition beside it.
///
///     - term: サブドメイン
///       definition: ログイン URL の先頭部分で、契約ごとに決まる文字列です。
///       article: login-url/find-login-url
public struct GlossaryEntry: Sendable, Equatable {
    public var term: String
    public var definition: String
    /// The explaining article, by its path under `Articles/` without `.md`.
    public var article: FrontMatter.Reference?

    static let fileName = "_glossary.yml"

    static func parse(_ text: String, path: String) -> ([GlossaryEntry], [Diagnostic]) {
        var yaml = YAMLDocument(sequenceText: text, path: path)
        var entries: [GlossaryEntry] = []
        var seen: Set<String> = []
        for item in yaml.items {
            guard let mapping = item.mapping else {
                yaml.report(yaml.error(at: item, "each glossary entry must be a mapping with 'term' and 'definition'"))
                continue
            }
            var term: String?, definition: String?, article: FrontMatter.Reference?
            for (keyNode, value) in mapping {
                switch keyNode.scalar?.string {
                case "term":
                    term = yaml.nonEmptyString(value, key: "term")
                    if let text = term, !seen.insert(text.lowercased()).inserted {
                        yaml.report(yaml.error(at: value, "'\(text)' is already in the glossary"))
                        term = nil
                    }
                case "definition": definition = yaml.nonEmptyString(value, key: "definition")
                case "article":
                    if let id = yaml.nonEmptyString(value, key: "article") {
                        let (line, column) = yaml.position(of: value)
                        article = .init(value: id, line: line, column: column)
                    }
                default:
                    yaml.report(yaml.error(at: keyNode, "unknown key '\(keyNode.scalar?.string ?? "?")' in a glossary entry; known keys: 'term', 'definition', 'article'"))
                }
            }
            if term == nil && !mapping.keys.contains(where: { $0.scalar?.string == "term" }) {
                yaml.report(yaml.error(at: item, "a glossary entry needs a 'term'"))
            }
            if definition == nil && !mapping.keys.contains(where: { $0.scalar?.string == "definition" }) {
                yaml.report(yaml.error(at: item, "a glossary entry needs a 'definition'"))
            }
            if let term, let definition { entries.append(GlossaryEntry(term: term, definition: definition, article: article)) }
        }
        return (entries, yaml.diagnostics)
    }
}
