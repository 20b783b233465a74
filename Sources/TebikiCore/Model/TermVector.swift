/// The terms of one article, tokenized once in the parse stage for both related articles and
/// search: how much each weighs (title and headings count more than body text), the section it
/// occurs in most, and the text of its words, which search needs and term ids do not keep.
/// Sorted by term id; compact, because the build keeps one for every article.
public struct TermVector: Sendable, Equatable {
    /// Term ids, with `TextTokenizer.functionBit` set on function words.
    public internal(set) var terms: [UInt64] = []
    public internal(set) var weights: [Float] = []
    /// Index of the section the term occurs in most; -1 when only in the title or description.
    public internal(set) var sections: [Int16] = []
    /// The text of the word terms, by term id; a build moves them into one table for the site
    /// as each article is parsed (`MarkdownParser.parse`).
    public internal(set) var words = WordTexts()
    /// How many terms the body has, for search's length normalisation.
    public internal(set) var bodyLength = 0

    public struct Part {
        public var text: String
        public var weight: Float
        /// The body section this text belongs to, if any.
        public var section: Int?

        public init(_ text: String, weight: Float, section: Int? = nil) {
            self.text = text
            self.weight = weight
            self.section = section
        }
    }

    public init() {}

    public var isEmpty: Bool { terms.isEmpty }
}
