/// The text of every word term of a site, by term id without the function-word mark: one
/// table for the whole site, looked up for every word of every article as it is parsed. In a
/// `TermTable` rather than a Dictionary, whose seeded hashing cost more than the rest of adding.
typealias WordTable = TermTable<String>

extension TermTable where Value == String {
    /// Adds an article's word texts (search has no use for the mark); a word already there
    /// keeps its text, and no text is made for it.
    mutating func add(_ words: WordTexts) {
        for (index, term) in words.ids.enumerated() {
            _ = value(for: term & ~TextTokenizer.functionBit) { words.text(at: index) }
        }
    }

    /// Adds another table's words that this one does not have.
    mutating func add(_ other: WordTable) {
        other.forEach { term, text in _ = insert(term, text) }
    }
}
