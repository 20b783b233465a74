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
        let tokenizer = TextTokenizer(dropsFunctionWords: false)
        let documents = parallelMap(articles) { Document($0, tokenizer: tokenizer) }
        let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(documents.count, 1)))

        // Document frequencies, and a shard for each distinct term.
        var frequency = TermCounts(capacity: documents.count * 200)
        var keys: [UInt64: String] = [:]
        for document in documents {
            for posting in document.postings {
                frequency.increment(posting.term)
                if keys[posting.term] == nil { keys[posting.term] = posting.key }
            }
        }
        let shardCount = Self.shardCount(postings: documents.reduce(0) { $0 + $1.postings.count })
        var shards = Array(repeating: [(key: String, postings: [Int32])](), count: shardCount)
        var termShard: [UInt64: (shard: Int, slot: Int)] = [:]
        termShard.reserveCapacity(keys.count)
        for (term, key) in keys.sorted(by: { precedes($0.value, $1.value) }) {
            let shard = Int(Self.shardHash(key) % UInt32(shardCount))
            termShard[term] = (shard, shards[shard].count)
            shards[shard].append((key, []))
        }

        let count = Double(documents.count)
        for (index, document) in documents.enumerated() {
            for posting in document.postings {
                let df = Double(frequency[posting.term])
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let normalised = posting.frequency * 2.2 / (posting.frequency + 1.2 * (0.25 + 0.75 * Double(document.length) / averageLength))
                let score = Int32(max(1, min(255, (idf * normalised * 12).rounded())))
                let place = termShard[posting.term]!
                shards[place.shard][place.slot].postings += [Int32(index), score, Int32(posting.section)]
            }
        }

        var files: [File] = [File(path: "search/meta.js", text: Self.meta(site: site, shardCount: shardCount, articles: articles.count))]
        files += shards.enumerated().map { shard, terms in
            File(path: "search/t/\(shard).js", text: Self.shardScript(shard, terms))
        }
        let chunks = stride(from: 0, to: articles.count, by: Self.articlesPerChunk).map { $0 }
        files += parallelMap(chunks) { start in
            File(path: "search/d/\(start / Self.articlesPerChunk).js",
                 text: Self.chunkScript(start / Self.articlesPerChunk, articles[start..<min(start + Self.articlesPerChunk, articles.count)], site: site))
        }
        self.files = files
        self.shardCount = shardCount
        termCount = keys.count
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
    struct Document: Sendable {
        struct Posting: Sendable {
            var term: UInt64
            var key: String
            var frequency: Double
            var section: Int
        }

        var postings: [Posting] = []
        var length = 0

        init(_ article: ParsedArticle, tokenizer: TextTokenizer) {
            var byTerm: [UInt64: (key: String, frequency: Double, section: Int, sectionCount: Int)] = [:]
            func add(_ text: String, weight: Double, section: Int?) {
                var inSection: [UInt64: Int] = [:]
                for term in tokenizer.terms(of: text) {
                    let id = term.stableID
                    var entry = byTerm[id] ?? (term.key, 0, 0, 0)
                    entry.frequency += weight
                    if let section {
                        let count = inSection[id, default: 0] + 1
                        inSection[id] = count
                        if count > entry.sectionCount { (entry.section, entry.sectionCount) = (section, count) }
                    }
                    byTerm[id] = entry
                }
            }
            let matter = article.source.frontMatter
            add(matter.title, weight: 6, section: nil)
            add(([matter.description ?? ""] + matter.tags + matter.keywords).joined(separator: "\n"), weight: 2, section: nil)
            for (index, section) in article.body.sections.enumerated() {
                add(section.heading, weight: 2, section: nil)
                add(section.text, weight: 1, section: index)
                length += section.text.unicodeScalars.count / 2
            }
            postings = byTerm.map { Posting(term: $0.key, key: $0.value.key, frequency: $0.value.frequency, section: $0.value.section) }
            length = max(length, 1)
        }
    }

    static func meta(site: LoadedSite, shardCount: Int, articles: Int) -> String {
        let synonyms = site.synonyms.map { group in "[" + group.map(JSONText.string).joined(separator: ",") + "]" }
        return "TebikiSearch.meta({\"version\":1,\"shards\":\(shardCount),\"chunk\":\(articlesPerChunk),\"articles\":\(articles),"
            + "\"synonyms\":[\(synonyms.joined(separator: ","))]});\n"
    }

    /// Postings as a flat list: article (as the difference from the previous one), score, section.
    static func shardScript(_ shard: Int, _ terms: [(key: String, postings: [Int32])]) -> String {
        var text = "TebikiSearch.terms(\(shard),{"
        for (index, term) in terms.enumerated() {
            if index > 0 { text += "," }
            text += JSONText.string(term.key) + ":["
            var previous: Int32 = 0
            var position = 0
            while position < term.postings.count {
                if position > 0 { text += "," }
                let article = term.postings[position]
                text += "\(article - previous),\(term.postings[position + 1]),\(term.postings[position + 2])"
                previous = article
                position += 3
            }
            text += "]"
        }
        return text + "});\n"
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
