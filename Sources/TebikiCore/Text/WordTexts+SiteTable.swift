extension [UInt64: String] {
    /// Adds an article's word texts to a site's table of them, by term id without the
    /// function-word mark (search has no use for it); a word already there keeps its text.
    mutating func add(_ words: WordTexts) {
        for (index, term) in words.ids.enumerated() where self[term & ~TextTokenizer.functionBit] == nil {
            self[term & ~TextTokenizer.functionBit] = words.text(at: index)
        }
    }
}
