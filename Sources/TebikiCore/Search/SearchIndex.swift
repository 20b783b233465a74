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
    public let termCount: Int

    public static let articlesPerChunk = 16
    static let sectionTextLimit = 240

    public init(articles: [ParsedArticle], site: LoadedSite) {
        let documents = parallelMap(articles) { Document($0) }
        let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(documents.count, 1)))

        // Document frequencies, and each distinct term's text (words need theirs kept; a
        // bigram's characters are in its id).
        var frequency = TermCounts(capacity: documents.count * 200)
        var words: [UInt64: String] = [:]
        for document in documents {
            for posting in document.postings { frequency.increment(posting.term) }
            words.merge(document.words) { first, _ in first }
        }
        let postingCount = documents.reduce(0) { $0 + $1.postings.count }
        let shardCount = Self.shardCount(postings: postingCount)

        // Postings gathered by shard in article order, then each shard scored and written on
        // its own core.
        var byShard = Array(repeating: [(term: UInt64, article: Int32, posting: Int32)](), count: shardCount)
        var shardOfTerm: [UInt64: Int] = [:]
        shardOfTerm.reserveCapacity(frequency.count)
        for (article, document) in documents.enumerated() {
            for (number, posting) in document.postings.enumerated() {
                let shard = shardOfTerm[posting.term] ?? {
                    let shard = Int(Self.shardHash(Self.key(posting.term, words: words)) % UInt32(shardCount))
                    shardOfTerm[posting.term] = shard
                    return shard
                }()
                byShard[shard].append((posting.term, Int32(article), Int32(number)))
            }
        }
        let count = Double(documents.count)
        let shardTexts = parallelMap(Array(byShard.indices)) { shard -> String in
            var terms: [UInt64: [Int32]] = [:]
            for entry in byShard[shard] {
                let posting = documents[Int(entry.article)].postings[Int(entry.posting)]
                let df = Double(frequency[entry.term])
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let lengthRatio = Double(documents[Int(entry.article)].length) / averageLength
                let saturated = posting.frequency * 2.2 / (posting.frequency + 1.2 * (0.25 + 0.75 * lengthRatio))
                let score = Int32(max(1, min(255, (idf * saturated * 12).rounded())))
                terms[entry.term, default: []].append(contentsOf: [entry.article, score, Int32(posting.section)])
            }
            let sorted = terms.map { (key: Self.key($0.key, words: words), postings: $0.value) }.sorted { precedes($0.key, $1.key) }
            return Self.shardScript(shard, sorted)
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
        termCount = frequency.count
    }

    /// A term's text, as the client names it.
    static func key(_ term: UInt64, words: [UInt64: String]) -> String {
        if let word = words[term] { return word }
        switch term >> 62 {
        case 1: return String(String.UnicodeScalarView([Unicode.Scalar(UInt32(term >> 21 & 0x1F_FFFF))!,
                                                        Unicode.Scalar(UInt32(term & 0x1F_FFFF))!]))
        case 2: return String(Unicode.Scalar(UInt32(term & 0x1F_FFFF))!)
        default: return ""
        }
    }

    /// FNV-1a over UTF-16 code units; `search.js` computes the same to find a term's shard.
    static func shardHash(_ key: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for unit in key.utf16 { hash = (hash ^ UInt32(unit)) &* 0x0100_0193 }
        return hash
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
    /// One article's terms as search scores them, from the terms the parse stage collected.
    struct Document: Sendable {
        struct Posting: Sendable {
            var term: UInt64
            var frequency: Double
            var section: Int
        }

        var postings: [Posting]
        var words: [UInt64: String]
        var length: Int

        /// Search has no use for the function-word mark: くま and クマ are one term to a reader.
        init(_ article: ParsedArticle) {
            let terms = article.terms
            var merged: [UInt64: Posting] = [:]
            for index in terms.terms.indices {
                let term = terms.terms[index] & ~TextTokenizer.functionBit
                let frequency = Double(terms.weights[index])
                if var known = merged[term] {
                    known.frequency += frequency
                    merged[term] = known
                } else {
                    merged[term] = Posting(term: term, frequency: frequency, section: max(0, Int(terms.sections[index])))
                }
            }
            postings = merged.values.sorted { $0.term < $1.term }
            words = Dictionary(terms.words.map { ($0.key & ~TextTokenizer.functionBit, $0.value) }, uniquingKeysWith: { first, _ in first })
            length = max(terms.bodyLength, 1)
        }
    }

    static func meta(site: LoadedSite, shardCount: Int, articles: Int) -> String {
        let synonyms = site.synonyms.map { group in "[" + group.map(JSONText.string).joined(separator: ",") + "]" }
        return "TebikiSearch.meta({\"version\":1,\"shards\":\(shardCount),\"chunk\":\(articlesPerChunk),\"articles\":\(articles),"
            + "\"synonyms\":[\(synonyms.joined(separator: ","))]});\n"
    }

    /// Postings as a flat list: article (as the difference from the previous one), score, section.
    static func shardScript(_ shard: Int, _ terms: [(key: String, postings: [Int32])]) -> String {
        var out = Array("TebikiSearch.terms(\(shard),{".utf8)
        for (index, term) in terms.enumerated() {
            if index > 0 { out.append(0x2C) }
            out.append(0x22)
            JSONText.append(term.key, to: &out)
            out += [0x22, 0x3A, 0x5B]
            var previous: Int32 = 0
            for position in stride(from: 0, to: term.postings.count, by: 3) {
                if position > 0 { out.append(0x2C) }
                JSONText.append(term.postings[position] - previous, to: &out)
                out.append(0x2C)
                JSONText.append(term.postings[position + 1], to: &out)
                out.append(0x2C)
                JSONText.append(term.postings[position + 2], to: &out)
                previous = term.postings[position]
            }
            out.append(0x5D)
        }
        out += Array("});\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func chunkScript(_ chunk: Int, _ articles: ArraySlice<ParsedArticle>, site: LoadedSite) -> String {
        let categories = Dictionary(site.categories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let entries = articles.map { article -> String in
            let source = article.source
            let sections = article.body.sections.map { section in
                "[" + JSONText.string(section.id ?? "") + "," + JSONText.string(section.heading) + ","
                    + JSONText.string(String(section.text.prefix(sectionTextLimit))) + "]"
            }
            return "[" + [JSONText.string(source.title), JSONText.string(categories[source.categoryID] ?? source.categoryID),
                          JSONText.string(source.urlPath), JSONText.string(source.frontMatter.description ?? ""),
                          "[" + sections.joined(separator: ",") + "]"].joined(separator: ",") + "]"
        }
        return "TebikiSearch.docs(\(chunk),[" + entries.joined(separator: ",\n") + "]);\n"
    }
}
