/// The terms of one article, tokenized once in the parse stage for both related articles and
/// search: how much each weighs (title and headings count more than body text), the section it
/// occurs in most, and the text of its words, which search needs and term ids do not keep.
/// Sorted by term id; compact, because the build keeps one for every article.
public struct TermVector: Sendable, Equatable {
    /// Term ids, with `TextTokenizer.functionBit` set on function words.
    public private(set) var terms: [UInt64] = []
    public private(set) var weights: [Float] = []
    /// Index of the section the term occurs in most; -1 when only in the title or description.
    public private(set) var sections: [Int16] = []
    /// The text of the word terms, by term id.
    public private(set) var words: [UInt64: String] = [:]
    /// How many terms the body has, for search's length normalisation.
    public private(set) var bodyLength = 0

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

    /// Counted by sorting plain ids per part and merging sorted lists, which is faster than a
    /// dictionary for the thousand or so terms of an article.
    public init(_ parts: [Part]) {
        var sink = VectorSink()
        let tokenizer = TextTokenizer(dropsFunctionWords: false)
        var counts: [Int32] = []
        for part in parts where part.weight > 0 {
            sink.ids.removeAll(keepingCapacity: true)
            tokenizer.scan(part.text, into: &sink)
            if part.section != nil { bodyLength += sink.ids.count }
            sink.ids.sort()
            var next = TermVector()
            var nextCounts: [Int32] = []
            for id in sink.ids {
                if next.terms.last == id {
                    next.weights[next.weights.count - 1] += part.weight
                    nextCounts[nextCounts.count - 1] += 1
                } else {
                    next.terms.append(id)
                    next.weights.append(part.weight)
                    next.sections.append(Int16(part.section ?? -1))
                    nextCounts.append(part.section == nil ? 0 : 1)
                }
            }
            (self, counts) = isEmpty ? (next, nextCounts) : merged(counts, with: next, nextCounts)
        }
        words = sink.words
    }

    public var isEmpty: Bool { terms.isEmpty }
}

private extension TermVector {
    /// Both vectors' terms, weights added; a term keeps the section where it occurs most
    /// (`counts` are occurrences in that section).
    func merged(_ counts: [Int32], with other: TermVector, _ otherCounts: [Int32]) -> (TermVector, [Int32]) {
        var result = TermVector()
        var resultCounts: [Int32] = []
        let capacity = terms.count + other.terms.count
        result.terms.reserveCapacity(capacity)
        result.weights.reserveCapacity(capacity)
        result.sections.reserveCapacity(capacity)
        resultCounts.reserveCapacity(capacity)
        func take(_ vector: TermVector, _ counts: [Int32], _ index: Int) {
            result.terms.append(vector.terms[index])
            result.weights.append(vector.weights[index])
            result.sections.append(vector.sections[index])
            resultCounts.append(counts[index])
        }
        var (i, j) = (0, 0)
        while i < terms.count || j < other.terms.count {
            if j == other.terms.count || (i < terms.count && terms[i] < other.terms[j]) {
                take(self, counts, i); i += 1
            } else if i == terms.count || other.terms[j] < terms[i] {
                take(other, otherCounts, j); j += 1
            } else {
                let otherWins = otherCounts[j] > counts[i]
                result.terms.append(terms[i])
                result.weights.append(weights[i] + other.weights[j])
                result.sections.append(otherWins ? other.sections[j] : sections[i])
                resultCounts.append(otherWins ? otherCounts[j] : counts[i])
                i += 1; j += 1
            }
        }
        result.bodyLength = bodyLength
        return (result, resultCounts)
    }
}

/// Collects term ids, marking function words, and keeps the text of each word once.
private struct VectorSink: TermSink {
    var ids: [UInt64] = []
    var words: [UInt64: String] = [:]

    mutating func word(_ utf8: [UInt8], isASCII: Bool) {
        let word = TextTokenizer.stem(String(decoding: utf8, as: UTF8.self))
        var id = TextTokenizer.Term.word(word).stableID
        if TextTokenizer.stopWords.contains(word) { id |= TextTokenizer.functionBit }
        if words[id] == nil { words[id] = word }
        ids.append(id)
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool) {
        ids.append(TextTokenizer.Term.bigram(first, second).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }

    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool) {
        ids.append(TextTokenizer.Term.single(scalar).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }
}
