/// Term vectors made from an article's text with the tokenizer.
extension TermVector {
    /// Counted by sorting all occurrences once (by term, then section) and reading the runs,
    /// which is faster than a dictionary for the thousand or so terms of an article.
    public init(_ parts: [Part]) {
        var sink = VectorSink()
        let tokenizer = TextTokenizer(dropsFunctionWords: false)
        var occurrences: [(term: UInt64, section: Int16, weight: Float)] = []
        for part in parts where part.weight > 0 {
            sink.ids.removeAll(keepingCapacity: true)
            tokenizer.scan(part.text, into: &sink)
            if part.section != nil { bodyLength += sink.ids.count }
            // Clamped: an article of more than 32,767 sections (absurd, but writer input) must not trap;
            // its later sections share the last number, and the vector stays two bytes a term.
            let section = Int16(clamping: part.section ?? -1)
            occurrences += sink.ids.lazy.map { ($0, section, part.weight) }
        }
        // By term alone when the parts come in section order, as an article's do: the sort is
        // stable, so each term's occurrences stay in section order without comparing sections.
        let order = parts.lazy.filter { $0.weight > 0 }.map { $0.section ?? -1 }
        if zip(order, order.dropFirst()).allSatisfy({ $0 <= $1 }) {
            occurrences.sort { $0.term < $1.term }
        } else {
            occurrences.sort { $0.term != $1.term ? $0.term < $1.term : $0.section < $1.section }
        }
        // Sized exactly: the build keeps a vector for every article.
        let distinct = occurrences.indices.reduce(0) { count, index in
            index == 0 || occurrences[index].term != occurrences[index - 1].term ? count + 1 : count
        }
        terms.reserveCapacity(distinct)
        weights.reserveCapacity(distinct)
        sections.reserveCapacity(distinct)
        var index = 0
        while index < occurrences.count {
            let term = occurrences[index].term
            var weight: Float = 0
            var bestSection: Int16 = -1
            var bestCount = 0
            while index < occurrences.count && occurrences[index].term == term {
                let section = occurrences[index].section
                var count = 0
                while index < occurrences.count && occurrences[index].term == term && occurrences[index].section == section {
                    weight += occurrences[index].weight
                    count += 1
                    index += 1
                }
                // The section with the most occurrences; the earliest on a tie. Title and
                // description (-1) never win over a body section.
                if section >= 0 && count > bestCount { (bestSection, bestCount) = (section, count) }
            }
            terms.append(term)
            weights.append(weight)
            sections.append(bestSection)
        }
        words = sink.words
    }
}

/// Collects term ids, marking function words, and keeps the text of each word once.
private struct VectorSink: TermSink {
    var ids: [UInt64] = []
    var words = WordTexts()
    var seen = TermTable<Bool>(capacity: 256)

    /// Stemmed and hashed on the bytes: the word's text is kept only the first time it occurs.
    mutating func word(_ utf8: [UInt8], isASCII: Bool) {
        let (keep, add) = TextTokenizer.stem(bytes: utf8, isASCII: isASCII)
        var id = TextTokenizer.wordID(utf8[..<keep], add: add)
        // Most words are longer than any stop word: those need no lookup.
        if keep + (add == nil ? 0 : 1) <= TextTokenizer.longestStopWord && TextTokenizer.stopWordIDs.contains(id) {
            id |= TextTokenizer.functionBit
        }
        if seen.insert(id, true) { words.append(id, utf8[..<keep], last: add) }
        ids.append(id)
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool) {
        ids.append(TextTokenizer.Term.bigram(first, second).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }

    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool) {
        ids.append(TextTokenizer.Term.single(scalar).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }
}
