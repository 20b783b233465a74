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
            guard let fields = yaml.fields(of: item, in: "a glossary entry", allowed: ["term", "definition", "article"]) else { continue }
            var term: String?, definition: String?, article: FrontMatter.Reference?
            for (key, _, value) in fields {
                switch key {
                case "term":
                    term = yaml.nonEmptyString(value, key: "term")
                    if let text = term, !seen.insert(text.lowercased()).inserted {
                        yaml.report(yaml.error(at: value, "'\(text)' is already in the glossary"))
                        term = nil
                    }
                case "definition": definition = yaml.nonEmptyString(value, key: "definition")
                default:
                    if let id = yaml.nonEmptyString(value, key: "article") {
                        let (line, column) = yaml.position(of: value)
                        article = .init(value: id, line: line, column: column)
                    }
                }
            }
            yaml.require(["term", "definition"], in: fields, of: item, "a glossary entry")
            if let term, let definition { entries.append(GlossaryEntry(term: term, definition: definition, article: article)) }
        }
        return (entries, yaml.diagnostics)
    }
}
