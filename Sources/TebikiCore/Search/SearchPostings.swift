import Foundation

/// What the search index's shards are made from: every article's terms and, for each of its
/// postings, the shard it falls in. A full build makes it, writes the shards and lets it go;
/// `tebiki serve` keeps it, so an edit re-makes only the shards the edited article's terms fall in.
struct SearchPostings: Sendable {
    typealias Single = (term: UInt64, weight: Float, section: Int16)

    let shardCount: Int
    private(set) var vectors: [TermVector]
    /// Each article's terms beyond its text's: its kanji alone (`SearchIndex.kanjiSingles`) and
    /// its title's and headings' keys (`SearchTitleKey`).
    private(set) var singles: [[Single]]
    /// The texts of each article's key terms, the last of its `singles`, kept apart from `words`:
    /// the articles' own lists (`ParsedArticle.searchKeys`), shared rather than copied.
    private(set) var keyTexts: [[(term: String, section: Int16)]]
    private(set) var bodyLengths: [Int]
    private var totalLength: Int
    /// The text of every word term (a bigram's is in its id), for the shard hash and the keys.
    private(set) var words: WordTable
    private(set) var wordHashes: TermTable<UInt32>
    /// For each article, the shard of each of its terms, then of each of its kanji.
    private(set) var shardsOf: [[UInt16]]
    /// How many postings each shard has, so a shard's are gathered into storage of their size
    /// (grown by appending, they took up to twice that: the index step's peak at 50,000 articles).
    private var shardSizes: [Int]

    /// Search has no use for the function-word mark: くま and クマ are one term to a reader.
    static let unmarked = ~TextTokenizer.functionBit

    /// `words`: the text of the articles' word terms taken out of their vectors
    /// (`MarkdownParser.parse`); the words still in the vectors are added to them.
    init(_ articles: [ParsedArticle], words given: WordTable = WordTable(capacity: 0)) {
        vectors = articles.map(\.terms)
        let keys = articles.map(\.searchKeys)
        singles = parallelMap(Array(vectors.indices)) { [vectors] in Self.extras(vectors[$0], keys: keys[$0]) }
        keyTexts = keys
        bodyLengths = vectors.map { max($0.bodyLength, 1) }
        totalLength = bodyLengths.reduce(0, +)
        words = given
        for vector in vectors { words.add(vector.words) }
        shardCount = SearchIndex.shardCount(postings: vectors.reduce(0) { $0 + $1.terms.count })
        wordHashes = SearchIndex.wordHashes(words)
        // Hashed once, article by article on all cores: the hash is the costly part of gathering.
        let (vectors, singles, keyTexts, wordHashes, shardCount) = (vectors, singles, keyTexts, wordHashes, shardCount)
        shardsOf = parallelMap(Array(vectors.indices)) { article in
            Self.shards(of: vectors[article], singles[article], keyTexts[article], wordHashes: wordHashes, shardCount: shardCount)
        }
        shardSizes = Self.sizes(of: shardsOf, shardCount: shardCount)
    }

    /// The postings of one shard as its script needs them, copied out of the articles' vectors
    /// while the articles are read in order (reading them shard by shard instead missed the
    /// cache on nearly every posting). Each names its term by its place in `terms`, so a
    /// posting takes 16 bytes rather than 24: the postings held at once are the index step's peak.
    struct ShardPostings {
        /// The shard's terms, each once, in the order their first posting came.
        private(set) var terms: [UInt64] = []
        private(set) var postings: [Posting] = []
        private var places = TermTable<Int32>(capacity: 16)

        struct Posting {
            var term: Int32
            var weight: Float
            var article: Int32
            var section: Int16
        }

        init(capacity: Int) { postings.reserveCapacity(capacity) }

        mutating func append(term: UInt64, weight: Float, article: Int32, section: Int16) {
            let place = places.value(for: term) { Int32(terms.count) }
            if place == terms.count { terms.append(term) }
            postings.append(Posting(term: place, weight: weight, article: article, section: section))
        }
    }

    /// The scripts of the shards (all, or those `wanted`), in shard order. Shards are made a
    /// range at a time on each core, so only a few ranges' postings are held at once.
    func shardScripts(only wanted: [Bool]? = nil) -> [(shard: Int, utf8: [UInt8])] {
        shardScripts(only: wanted) { $0 }.flatMap { $0 }
    }

    /// The same, a range of shards at a time on each core, each range's scripts handed to
    /// `take` on the core that made them (so at the same time as others'), in shard order. A
    /// build writes them there and holds only the ranges being made. Eight ranges a core rather
    /// than four: each range reads every article's shard list once, but the postings held at
    /// once are the peak of a build (50,000 articles: 900 → 870 MB). All the ranges in one
    /// parallel pass: handed out two at a time, each pair waited for its slower range.
    func shardScripts<Taken>(only wanted: [Bool]? = nil, _ take: ([(shard: Int, utf8: [UInt8])]) -> Taken) -> [Taken] {
        let rangeCount = min(shardCount, ProcessInfo.processInfo.activeProcessorCount * 8)
        let ranges = (0..<rangeCount).map { shardCount * $0 / rangeCount..<shardCount * ($0 + 1) / rangeCount }
        return parallelMap(ranges) { range in
            let (postings, keys) = gather(range, wanted)
            return take(range.compactMap { shard in
                guard wanted?[shard] != false else { return nil }
                return (shard, shardScript(shard, postings[shard - range.lowerBound], keys: keys))
            })
        }
    }

    /// Puts an article's new terms in place; returns the shards its old and new terms fall in.
    mutating func replace(_ article: Int, with parsed: ParsedArticle) -> Set<Int> {
        var touched = Set(shardsOf[article].map(Int.init))
        let terms = parsed.terms
        vectors[article] = terms
        singles[article] = Self.extras(terms, keys: parsed.searchKeys)
        keyTexts[article] = parsed.searchKeys
        totalLength += max(terms.bodyLength, 1) - bodyLengths[article]
        bodyLengths[article] = max(terms.bodyLength, 1)
        for (marked, word) in terms.words {
            let term = marked & Self.unmarked
            if words.insert(term, word) { wordHashes.update(term, initial: SearchIndex.shardHash(word)) { _ in } }
        }
        for shard in shardsOf[article] { shardSizes[Int(shard)] -= 1 }
        shardsOf[article] = Self.shards(of: terms, singles[article], keyTexts[article], wordHashes: wordHashes, shardCount: shardCount)
        for shard in shardsOf[article] { shardSizes[Int(shard)] += 1 }
        touched.formUnion(shardsOf[article].map(Int.init))
        return touched
    }

    /// One shard's script: for each term, its postings as a flat list of article (the difference
    /// from the previous one), score and section, scored as they are written.
    func shardScript(_ shard: Int, _ shardPostings: ShardPostings, keys: [UInt64: String]) -> [UInt8] {
        let count = Double(vectors.count)
        let averageLength = max(1, Double(totalLength) / Double(max(vectors.count, 1)))
        // Each term's postings in article order (the order they were gathered in), as one run a
        // term in one array, counted and then placed: in an array for each term, they cost an
        // allocation a term and a check of the array a posting. The two marks of one term in one
        // article (くま, クマ) become one posting.
        let termCount = shardPostings.terms.count
        var starts = [Int](repeating: 0, count: termCount + 1)
        for entry in shardPostings.postings { starts[Int(entry.term) + 1] += 1 }
        for place in 0..<termCount { starts[place + 1] += starts[place] }
        var ends = Array(starts.dropLast())
        var runs = [(article: Int32, frequency: Float, section: Int16)](repeating: (0, 0, 0), count: shardPostings.postings.count)
        runs.withUnsafeMutableBufferPointer { runs in
            for entry in shardPostings.postings {
                let place = Int(entry.term), end = ends[place]
                if end > starts[place] && runs[end - 1].article == entry.article {
                    runs[end - 1].frequency += entry.weight
                } else {
                    runs[end] = (entry.article, entry.weight, entry.section)
                    ends[place] = end + 1
                }
            }
        }
        let order = shardPostings.terms.indices.sorted { shardPostings.terms[$0] < shardPostings.terms[$1] }
        var out = Array("TebikiSearch.terms(\(shard),{".utf8)
        out.reserveCapacity(shardPostings.postings.count * 12 + termCount * 12)
        for (number, place) in order.enumerated() {
            let term = shardPostings.terms[place]
            let postings = runs[starts[place]..<ends[place]]
            if number > 0 { out.append(0x2C) }
            out.append(0x22)
            if let key = keys[term] { JSONText.append(key, to: &out) } else { SearchIndex.appendKey(term, words: words, to: &out) }
            out += [0x22, 0x3A, 0x5B]
            // Every posting is a different article, so their number is the term's document frequency.
            let df = Double(postings.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            var previous: Int32 = 0
            // The term's postings, three numbers and their commas each, are written to a scratch
            // buffer and appended to the script at once: appended a posting at a time, each
            // append cost more than writing its numbers.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, postings.count) * 3 * (JSONText.longestNumber + 1)) { scratch in
                let row = scratch.baseAddress!
                var end = 0
                for (index, posting) in postings.enumerated() {
                    let lengthRatio = Double(bodyLengths[Int(posting.article)]) / averageLength
                    let tf = Double(posting.frequency)
                    let saturated = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengthRatio))
                    if index > 0 {
                        row[end] = 0x2C
                        end += 1
                    }
                    end += JSONText.write(posting.article - previous, to: row + end)
                    row[end] = 0x2C
                    end += 1
                    end += JSONText.write(Int32(max(1, min(255, (idf * saturated * 12).rounded()))), to: row + end)
                    row[end] = 0x2C
                    end += 1
                    end += JSONText.write(Int32(posting.section), to: row + end)
                    previous = posting.article
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<end]))
            }
            out.append(0x5D)
        }
        out += Array("});\n".utf8)
        return out
    }
}

private extension SearchPostings {
    static func sizes(of shardsOf: [[UInt16]], shardCount: Int) -> [Int] {
        var sizes = Array(repeating: 0, count: shardCount)
        for shards in shardsOf {
            for shard in shards { sizes[Int(shard)] += 1 }
        }
        return sizes
    }

    /// The postings of the shards in `range`, by shard, each shard's in article order, and the
    /// texts of the key terms among them, which `words` does not hold.
    func gather(_ range: Range<Int>, _ wanted: [Bool]?) -> (postings: [ShardPostings], keys: [UInt64: String]) {
        var postings = range.map { shard in ShardPostings(capacity: wanted?[shard] != false ? shardSizes[shard] : 0) }
        var keys: [UInt64: String] = [:]
        // Every range reads every article's shard list (`RangeScan`).
        let low = UInt16(range.lowerBound), width = UInt16(range.count)
        for article in shardsOf.indices {
            // Bound once an article: binding it per posting retained its four buffers each time.
            let vector = vectors[article], extras = singles[article]
            let termCount = vector.terms.count
            let firstKey = termCount + extras.count - keyTexts[article].count
            shardsOf[article].withUnsafeBufferPointer { shards in
                RangeScan.forEachPosition(in: shards, from: low, width: width) { position in
                    let place = Int(shards[position] &- low)
                    if let wanted, !wanted[range.lowerBound + place] { return }
                    if position < termCount {
                        postings[place].append(term: vector.terms[position] & Self.unmarked, weight: vector.weights[position],
                                               article: Int32(article), section: max(0, vector.sections[position]))
                    } else {
                        let single = extras[position - termCount]
                        postings[place].append(term: single.term, weight: single.weight, article: Int32(article), section: single.section)
                        if position >= firstKey { keys[single.term] = keyTexts[article][position - firstKey].term }
                    }
                }
            }
        }
        return (postings, keys)
    }

    static func extras(_ vector: TermVector, keys: [(term: String, section: Int16)]) -> [Single] {
        SearchIndex.kanjiSingles(of: vector) + keys.map { (TextTokenizer.Term.word($0.term).stableID, 6, $0.section) }
    }

    static func shards(of vector: TermVector, _ singles: [Single], _ keyTexts: [(term: String, section: Int16)], wordHashes: TermTable<UInt32>,
                       shardCount: Int) -> [UInt16] {
        var shards: [UInt16] = []
        shards.reserveCapacity(vector.terms.count + singles.count)
        for marked in vector.terms {
            shards.append(UInt16(SearchIndex.shardHash(term: marked & unmarked, wordHashes: wordHashes) % UInt32(shardCount)))
        }
        for single in singles.dropLast(keyTexts.count) {
            shards.append(UInt16(SearchIndex.shardHash(term: single.term, wordHashes: wordHashes) % UInt32(shardCount)))
        }
        for key in keyTexts { shards.append(UInt16(SearchIndex.shardHash(key.term) % UInt32(shardCount))) }
        return shards
    }
}
