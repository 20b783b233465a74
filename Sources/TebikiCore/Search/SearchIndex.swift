import Foundation

/// Stage 5: the search index, built in Swift and split into small script files that the
/// browser loads on demand, so the first query downloads a few of them, never the whole index,
/// and the index works from any static host and from disk (scripts load where `fetch` cannot).
///
/// - `search/meta.js`: the numbers the client needs (shard and chunk counts) and the synonyms.
/// - `search/t/<shard>.js`: for each term, its postings: article, score, best section. Terms are
///   spread over shards by a hash of their text that the client computes too.
/// - `search/d/<chunk>.js`: title, category, URL, description and section texts of a few
///   articles, loaded only for the articles a query shows.
///
/// Scores are BM25 over fields (title weighs most, then headings, then description and tags,
/// then the body), computed here and rounded to a byte, so a query only adds numbers up.
public struct SearchIndex: Sendable {
    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    public let files: [File]
    public let shardCount: Int

    public static let articlesPerChunk = 16
    static let sectionTextLimit = 240

    public init(articles: [ParsedArticle], site: LoadedSite) {
        // Search has no use for the function-word mark: くま and クマ are one term to a reader.
        let unmarked = ~TextTokenizer.functionBit
        let vectors = articles.map(\.terms)
        let singles = parallelMap(vectors) { Self.kanjiSingles(of: $0) }
        let bodyLengths = vectors.map { max($0.bodyLength, 1) }
        let averageLength = max(1, Double(bodyLengths.reduce(0, +)) / Double(max(vectors.count, 1)))

        // The text of every word term (a bigram's is in its id), for the shard hash.
        var words: [UInt64: String] = [:]
        for vector in vectors {
            for (term, word) in vector.words where words[term & unmarked] == nil { words[term & unmarked] = word }
        }
        let shardCount = Self.shardCount(postings: vectors.reduce(0) { $0 + $1.terms.count })

        // Each posting's shard, hashed once, article by article on all cores: the terms first,
        // then the article's kanji on their own.
        let wordHashes = Self.wordHashes(words)
        let shardsOf = parallelMap(Array(vectors.indices)) { article -> [UInt16] in
            var shards: [UInt16] = []
            shards.reserveCapacity(vectors[article].terms.count + singles[article].count)
            for marked in vectors[article].terms {
                shards.append(UInt16(Self.shardHash(term: marked & unmarked, wordHashes: wordHashes) % UInt32(shardCount)))
            }
            for single in singles[article] {
                shards.append(UInt16(Self.shardHash(term: single.term, wordHashes: wordHashes) % UInt32(shardCount)))
            }
            return shards
        }
        // Postings gathered by shard in article order, each core taking its share of the shards.
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let gathered = parallelMap(Array(0..<workers)) { worker -> [[(article: Int32, position: Int32)]] in
            var mine = Array(repeating: [(article: Int32, position: Int32)](), count: (shardCount + workers - 1) / workers)
            for (article, shards) in shardsOf.enumerated() {
                let termCount = vectors[article].terms.count
                for (position, shard) in shards.enumerated() where Int(shard) % workers == worker {
                    // Kanji on their own are numbered from -1 down, so one-character queries find them.
                    let encoded = position < termCount ? position : termCount - 1 - position
                    mine[Int(shard) / workers].append((Int32(article), Int32(encoded)))
                }
            }
            return mine
        }
        let byShard = (0..<shardCount).map { gathered[$0 % workers][$0 / workers] }
        let count = Double(vectors.count)
        let shardTexts = parallelMap(Array(byShard.indices)) { shard -> String in
            // Each term's postings in article order (the order they were gathered in); the two
            // marks of one term in one article (くま, クマ) become one posting. Terms are found
            // through a small open-addressing table rather than by sorting the shard.
            var terms: [(term: UInt64, postings: [(article: Int32, frequency: Float, section: Int16)])] = []
            var table = TermTable<Int>(capacity: byShard[shard].count)
            for entry in byShard[shard] {
                let (article, position) = (Int(entry.article), Int(entry.position))
                let term: UInt64, weight: Float, section: Int16
                if position < 0 {
                    (term, weight, section) = singles[article][-1 - position]
                } else {
                    // Field by field: binding `vectors[article]` would copy the vector (and retain
                    // its four buffers) for every one of millions of postings.
                    term = vectors[article].terms[position] & unmarked
                    weight = vectors[article].weights[position]
                    section = max(0, vectors[article].sections[position])
                }
                let slot = table.value(for: term) { terms.count }
                if slot == terms.count {
                    terms.append((term, [(entry.article, weight, section)]))
                } else if terms[slot].postings.last?.article == entry.article {
                    terms[slot].postings[terms[slot].postings.count - 1].frequency += weight
                } else {
                    terms[slot].postings.append((entry.article, weight, section))
                }
            }
            terms.sort { $0.term < $1.term }
            // Scored and written straight into the script: postings as a flat list of article
            // (the difference from the previous one), score, section.
            var out = Array("TebikiSearch.terms(\(shard),{".utf8)
            out.reserveCapacity(byShard[shard].count * 12 + terms.count * 12)
            for (number, (term, postings)) in terms.enumerated() {
                if number > 0 { out.append(0x2C) }
                out.append(0x22)
                Self.appendKey(term, words: words, to: &out)
                out += [0x22, 0x3A, 0x5B]
                // Every posting is a different article, so their number is the term's document frequency.
                let df = Double(postings.count)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                var previous: Int32 = 0
                for (index, posting) in postings.enumerated() {
                    let lengthRatio = Double(bodyLengths[Int(posting.article)]) / averageLength
                    let tf = Double(posting.frequency)
                    let saturated = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengthRatio))
                    if index > 0 { out.append(0x2C) }
                    JSONText.append(posting.article - previous, to: &out)
                    out.append(0x2C)
                    JSONText.append(Int32(max(1, min(255, (idf * saturated * 12).rounded()))), to: &out)
                    out.append(0x2C)
                    JSONText.append(Int32(posting.section), to: &out)
                    previous = posting.article
                }
                out.append(0x5D)
            }
            out += Array("});\n".utf8)
            return String(decoding: out, as: UTF8.self)
        }

        var files: [File] = [File(path: "search/meta.js", text: Self.meta(site: site, shardCount: shardCount, articles: articles.count))]
        files += shardTexts.enumerated().map { File(path: "search/t/\($0).js", text: $1) }
        let chunks = Array(stride(from: 0, to: articles.count, by: Self.articlesPerChunk))
        files += parallelMap(chunks) { start in
            File(path: "search/d/\(start / Self.articlesPerChunk).js",
                 text: Self.chunkScript(start / Self.articlesPerChunk, articles[start..<min(start + Self.articlesPerChunk, articles.count)], site: site))
        }
        self.files = files
        self.shardCount = shardCount
    }

    /// Each kanji of an article's bigrams as a term of its own, for one-character queries
    /// (鍵, 旧). Kana alone would match nearly everything, so only kanji are indexed this way.
    static func kanjiSingles(of vector: TermVector) -> [(term: UInt64, weight: Float, section: Int16)] {
        var found: [UInt32: (weight: Float, section: Int16)] = [:]
        for (index, term) in vector.terms.enumerated() where term >> 62 == 1 {
            for scalar in [UInt32(term >> 21 & 0x1F_FFFF), UInt32(term & 0x1F_FFFF)] where isKanji(scalar) {
                let known = found[scalar]
                found[scalar] = ((known?.weight ?? 0) + vector.weights[index] / 2, known?.section ?? max(0, vector.sections[index]))
            }
        }
        return found.map { (TextTokenizer.Term.single(Unicode.Scalar($0.key)!).stableID, $0.value.weight, $0.value.section) }
            .sorted { $0.term < $1.term }
    }

    static func isKanji(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || (0x20000...0x2FFFF).contains(scalar)
    }

    /// A term's text, as the client names it.
    static func key(_ term: UInt64, words: [UInt64: String]) -> String {
        words[term] ?? TextTokenizer.Term(stableID: term)?.key ?? ""
    }

    /// The same text, escaped for JSON, appended to a script: a bigram's or a kanji's characters
    /// come straight from its id, as UTF-8, without making a String for each of a million terms.
    static func appendKey(_ term: UInt64, words: [UInt64: String], to out: inout [UInt8]) {
        let kind = term >> 62
        guard kind == 1 || kind == 2 else {
            JSONText.append(key(term, words: words), to: &out)
            return
        }
        let scalars = kind == 1 ? [UInt32(term >> 21 & 0x1F_FFFF), UInt32(term & 0x1F_FFFF)] : [UInt32(term & 0x1F_FFFF)]
        // Anything JSON or a script would have to escape takes the slow way.
        if scalars.contains(where: { $0 < 0x80 || $0 == 0x2028 || $0 == 0x2029 || Unicode.Scalar($0) == nil }) {
            JSONText.append(key(term, words: words), to: &out)
            return
        }
        for value in scalars { appendUTF8(value, to: &out) }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case ..<0x800:
            out += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case ..<0x1_0000:
            out += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default:
            out += [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        }
    }

    /// FNV-1a over UTF-16 code units; `search.js` computes the same to find a term's shard.
    static func shardHash(_ key: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for unit in key.utf16 { hash = (hash ^ UInt32(unit)) &* 0x0100_0193 }
        return hash
    }

    /// Each word's hash, computed once per distinct word rather than once per posting.
    static func wordHashes(_ words: [UInt64: String]) -> TermTable<UInt32> {
        var table = TermTable<UInt32>(capacity: words.count)
        for (term, word) in words { table.update(term, initial: shardHash(word)) { _ in } }
        return table
    }

    /// The same hash of a term's text, straight from the characters in its id when it has them,
    /// since this runs for every term of every article.
    static func shardHash(term: UInt64, wordHashes: TermTable<UInt32>) -> UInt32 {
        let kind = term >> 62
        guard kind == 1 || kind == 2 else { return wordHashes[term] ?? shardHash("") }
        func mix(_ hash: UInt32, _ scalar: UInt32) -> UInt32 {
            guard scalar >= 0x1_0000 else { return (hash ^ scalar) &* 0x0100_0193 }
            let high = 0xD800 + ((scalar - 0x1_0000) >> 10), low = 0xDC00 + ((scalar - 0x1_0000) & 0x3FF)
            return (((hash ^ high) &* 0x0100_0193) ^ low) &* 0x0100_0193
        }
        let first = mix(0x811C_9DC5, kind == 1 ? UInt32(term >> 21 & 0x1F_FFFF) : UInt32(term & 0x1F_FFFF))
        return kind == 1 ? mix(first, UInt32(term & 0x1F_FFFF)) : first
    }

    /// About 4,000 postings a shard: a few kilobytes compressed, so a query of a few terms
    /// stays small, without tens of thousands of files.
    static func shardCount(postings: Int) -> Int {
        var count = 16
        while count < 8192 && postings / count > 4000 { count <<= 1 }
        return count
    }
}

private extension SearchIndex {
    /// One article's terms: how much each weighs (fields weighted) and the section it occurs in most.
    static func meta(site: LoadedSite, shardCount: Int, articles: Int) -> String {
        let synonyms = site.synonyms.map { group in "[" + group.map(JSONText.string).joined(separator: ",") + "]" }
        return "TebikiSearch.meta({\"version\":1,\"shards\":\(shardCount),\"chunk\":\(articlesPerChunk),\"articles\":\(articles),"
            + "\"synonyms\":[\(synonyms.joined(separator: ","))]});\n"
    }

    /// Each article as `[title, category, url, description, [[section id, heading, text]…]]`,
    /// section texts cut to their first characters (enough for a snippet), written on bytes.
    static func chunkScript(_ chunk: Int, _ articles: ArraySlice<ParsedArticle>, site: LoadedSite) -> String {
        let categories = Dictionary(site.categories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var out = Array("TebikiSearch.docs(\(chunk),[".utf8)
        func string(_ text: some StringProtocol) {
            out.append(0x22)
            JSONText.append(String(text), to: &out)
            out.append(0x22)
        }
        for (number, article) in articles.enumerated() {
            let source = article.source
            out += Array((number == 0 ? "[" : ",\n[").utf8)
            for field in [source.title, categories[source.categoryID] ?? source.categoryID, source.urlPath,
                          source.frontMatter.description ?? ""] {
                string(field)
                out.append(0x2C)
            }
            out.append(0x5B)
            for (index, section) in article.body.sections.enumerated() {
                out += Array((index == 0 ? "[" : ",[").utf8)
                string(section.id ?? "")
                out.append(0x2C)
                string(section.heading)
                out.append(0x2C)
                let scalars = section.text.unicodeScalars
                let end = scalars.index(scalars.startIndex, offsetBy: sectionTextLimit, limitedBy: scalars.endIndex) ?? scalars.endIndex
                string(section.text[..<end])
                out.append(0x5D)
            }
            out += [0x5D, 0x5D]
        }
        out += Array("]);\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
