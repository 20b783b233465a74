/// How often each term occurs in an article, weighted by where it occurs (title and headings
/// count more than body text). Sorted by term id; compact, because the build keeps one for
/// every article until related articles are computed.
public struct TermVector: Sendable, Equatable {
    public private(set) var terms: [UInt64] = []
    public private(set) var weights: [Float] = []

    public init() {}

    /// Weighted counts of the terms of each `(text, weight)` part. Counted by sorting plain
    /// ids, which is faster than a dictionary for the thousand or so terms of an article.
    public init(_ parts: [(text: String, weight: Float)], tokenizer: TextTokenizer = TextTokenizer()) {
        var ids: [UInt64] = []
        for (text, weight) in parts where weight > 0 {
            ids.removeAll(keepingCapacity: true)
            tokenizer.appendTermIDs(of: text, to: &ids)
            ids.sort()
            var part = TermVector()
            for id in ids {
                if part.terms.last == id {
                    part.weights[part.weights.count - 1] += weight
                } else {
                    part.terms.append(id)
                    part.weights.append(weight)
                }
            }
            self = isEmpty ? part : merged(with: part)
        }
    }

    init(terms: [UInt64], weights: [Float]) {
        self.terms = terms
        self.weights = weights
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Both vectors' terms, weights of shared terms added.
    func merged(with other: TermVector) -> TermVector {
        var result = TermVector()
        result.terms.reserveCapacity(terms.count + other.terms.count)
        result.weights.reserveCapacity(terms.count + other.terms.count)
        var (i, j) = (0, 0)
        while i < terms.count || j < other.terms.count {
            if j == other.terms.count || (i < terms.count && terms[i] < other.terms[j]) {
                result.terms.append(terms[i]); result.weights.append(weights[i]); i += 1
            } else if i == terms.count || other.terms[j] < terms[i] {
                result.terms.append(other.terms[j]); result.weights.append(other.weights[j]); j += 1
            } else {
                result.terms.append(terms[i]); result.weights.append(weights[i] + other.weights[j]); i += 1; j += 1
            }
        }
        return result
    }
}
