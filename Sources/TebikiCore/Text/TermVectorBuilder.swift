/// Term vectors made from an article's text with the tokenizer.
extension TermVector {
    /// The tables an article's terms are counted in, kept from one article to the next: made
    /// anew for each article, they took 18,000 instructions an article to set up.
    public struct Tallies {
        fileprivate var sink = VectorSink()

        public init() {}
    }

    public init(_ parts: [Part]) {
        var tallies = Tallies()
        self.init(parts, reusing: &tallies)
    }

    /// When the parts come in section order, as an article's do, each occurrence is tallied in a
    /// `TermTable` as it is found and only the distinct terms are sorted; in any other order all
    /// occurrences are sorted by term and section and their runs read. Both add a term's
    /// weights in the order they occur and pick the same section, so they make the same vector.
    public init(_ parts: [Part], reusing tallies: inout Tallies) {
        let tokenizer = TextTokenizer(dropsFunctionWords: false)
        var inSectionOrder = true
        var last = Int.min
        for part in parts where part.weight > 0 {
            let section = part.section ?? -1
            if section < last { inSectionOrder = false }
            last = section
        }
        tallies.sink.reset(tallying: inSectionOrder)
        var occurrences: [(term: UInt64, section: Int16, weight: Float)] = []
        for part in parts where part.weight > 0 {
            tallies.sink.found = 0
            tallies.sink.weight = part.weight
            // Clamped: an article of more than 32,767 sections (absurd, but writer input) must not trap;
            // its later sections share the last number, and the vector stays two bytes a term.
            tallies.sink.section = Int16(clamping: part.section ?? -1)
            tokenizer.scan(part.text, into: &tallies.sink)
            if part.section != nil { bodyLength += tallies.sink.found }
            if !inSectionOrder {
                occurrences += tallies.sink.ids.lazy.map { [section = tallies.sink.section] in ($0, section, part.weight) }
                tallies.sink.ids.removeAll(keepingCapacity: true)
            }
        }
        (terms, weights, sections) = inSectionOrder ? Self.read(tallies.sink.tallies) : Self.read(sorting: occurrences)
        words = tallies.sink.words
        tallies.sink.words = WordTexts()
    }
}

private extension TermVector {
    /// One term's occurrences so far: their weight, and the run of the section they are in.
    /// Sixteen bytes: each core keeps a table of them for its articles.
    struct Tally {
        var weight: Float = 0
        var best: Int16 = -1
        var section: Int16 = -1
        var bestCount: Int32 = 0
        var count: Int32 = 0

        mutating func add(_ weight: Float, in section: Int16) {
            self.weight += weight
            if count > 0 && section != self.section { endRun() }
            if count == 0 { self.section = section }
            count += 1
        }

        /// The section with the most occurrences; the earliest on a tie. Title and
        /// description (-1) never win over a body section.
        mutating func endRun() {
            if section >= 0 && count > bestCount { (best, bestCount) = (section, count) }
            count = 0
        }
    }

    /// The vector's three arrays, made directly rather than copied out of a list of rows. An
    /// article's (read from tallies) are sized exactly: the build keeps a vector for every article.
    typealias Columns = (terms: [UInt64], weights: [Float], sections: [Int16])

    static func read(_ tallies: TermTable<Tally>) -> Columns {
        // The terms sorted alone, then their tallies looked up: sorting the whole rows moved
        // twice the bytes through a comparison closure.
        var terms: [UInt64] = []
        terms.reserveCapacity(tallies.count)
        tallies.forEach { term, _ in terms.append(term) }
        terms.sort()
        var columns: Columns = (terms, [], [])
        columns.weights.reserveCapacity(terms.count)
        columns.sections.reserveCapacity(terms.count)
        for term in terms {
            var tally = tallies[term]!
            tally.endRun()
            columns.weights.append(tally.weight)
            columns.sections.append(tally.best)
        }
        return columns
    }

    static func read(sorting occurrences: [(term: UInt64, section: Int16, weight: Float)]) -> Columns {
        let occurrences = occurrences.sorted { $0.term != $1.term ? $0.term < $1.term : $0.section < $1.section }
        var columns: Columns = ([], [], [])
        var index = 0
        while index < occurrences.count {
            let term = occurrences[index].term
            var tally = Tally()
            while index < occurrences.count && occurrences[index].term == term {
                tally.add(occurrences[index].weight, in: occurrences[index].section)
                index += 1
            }
            tally.endRun()
            columns.terms.append(term)
            columns.weights.append(tally.weight)
            columns.sections.append(tally.best)
        }
        return columns
    }
}

/// Tallies term ids as the tokenizer finds them (or, for parts out of section order, collects
/// them), marking function words, and keeps the text of each word once.
private struct VectorSink: TermSink {
    /// Tallied as found: collected into an array first, each id was stored and read back.
    var tallying = true
    var tallies = TermTable<TermVector.Tally>(capacity: 512)
    var ids: [UInt64] = []
    /// The current part's weight and section, and how many terms it had so far.
    var weight: Float = 0
    var section: Int16 = -1
    var found = 0
    var words = WordTexts()
    var seen = TermTable<Bool>(capacity: 256)
    /// Read once for the article: as globals, they were checked for being set up on every word.
    let stopWordIDs = TextTokenizer.stopWordIDs
    let longestStopWord = TextTokenizer.longestStopWord

    /// Ready for the next article.
    mutating func reset(tallying: Bool) {
        self.tallying = tallying
        tallies.removeAll()
        seen.removeAll()
        ids.removeAll(keepingCapacity: true)
        words = WordTexts()
    }

    mutating func add(_ id: UInt64) {
        found += 1
        if tallying {
            let (weight, section) = (self.weight, self.section)
            tallies.update(id, initial: .init()) { $0.add(weight, in: section) }
        } else {
            ids.append(id)
        }
    }

    /// Stemmed and hashed on the bytes: the word's text is kept only the first time it occurs.
    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        let (keep, add) = TextTokenizer.stem(bytes: utf8, isASCII: isASCII)
        let kept = UnsafeBufferPointer(rebasing: utf8[..<keep])
        var id = TextTokenizer.wordID(kept, add: add)
        // Most words are longer than any stop word: those need no lookup.
        if keep + (add == nil ? 0 : 1) <= longestStopWord && stopWordIDs[id] != nil {
            id |= TextTokenizer.functionBit
        }
        if seen.insert(id, true) { words.append(id, kept, last: add) }
        self.add(id)
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool) {
        add(TextTokenizer.Term.bigram(first, second).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }

    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool) {
        add(TextTokenizer.Term.single(scalar).stableID | (isFunction ? TextTokenizer.functionBit : 0))
    }
}
