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
        for item in yaml.items {
            guard let mapping = item.mapping else {
                yaml.report(yaml.error(at: item, "each glossary entry must be a mapping with 'term' and 'definition'"))
                continue
            }
            var term: String?, definition: String?, article: FrontMatter.Reference?
            for (keyNode, value) in mapping {
                switch keyNode.scalar?.string {
                case "term": term = yaml.nonEmptyString(value, key: "term")
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

/// A glossary entry as the Markdown renderer uses it: with its article's URL from an article page.
struct GlossaryTerm: Sendable {
    var term: String
    var definition: String
    var articleID: String?
    var href: String?
    /// The link's text, in the site's language.
    var moreText: String

    /// Where the term first appears in `text`: Latin terms as whole words, ignoring case;
    /// Japanese and other terms anywhere.
    func firstUse(in text: Substring) -> Range<Substring.Index>? {
        let isLatin = term.unicodeScalars.allSatisfy { $0.isASCII }
        guard isLatin else { return text.range(of: term) }
        var searchStart = text.startIndex
        while let range = text.range(of: term, options: .caseInsensitive, range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return range }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }
}
