import Foundation

/// Stage 4: related articles for every article: the writer's `related:` entries first, then articles
/// that share distinctive terms, tags or links with it. Linear in the number of articles: each
/// article is compared only with the articles that share one of its most distinctive terms,
/// through an inverted index whose lists are capped, never with all the others.
public struct RelatedArticles: Sendable {
    /// Why an article is related, for `tebiki related` and for tests.
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// Position of the related article in the site's article list.
        public var index: Int
        public var score: Double
        public var fromFrontMatter = false
        public var sharedTags: [String] = []
        public var linksTo = false
        public var linkedFrom = false
        public var textScore: Double = 0
        public var sameCategory = false
        public var sameSection = false
    }

    public struct Options: Sendable {
        /// At most this many entries per article, the writer's included.
        public var count = 5
        /// Below this score an article is not shown just to fill the list.
        public var threshold = 0.15
        /// Distinctive terms kept per article.
        public var termsPerArticle = 10
        /// Articles kept per term (and per tag) in the inverted index.
        public var articlesPerTerm = 20
        public init() {}
    }

    /// `lists[i]` is the related list of `articles[i]`.
    public let lists: [[Entry]]

    public init(_ articles: [ParsedArticle], graph: LinkGraph, options: Options = Options()) {
        guard options.count > 0 else {
            lists = Array(repeating: [], count: articles.count)
            return
        }
        let index = Index(articles, graph: graph, options: options)
        lists = parallelMap(Array(articles.indices), scratch: { Scores(count: articles.count) }) { scores, article in
            index.related(to: article, scores: &scores)
        }
    }
}

private extension RelatedArticles {
    typealias Weighted = (term: UInt64, weight: Float)

    /// Text scores of one article against the others: an array indexed by article, reused from
    /// article to article (only the touched entries are reset), because a dictionary per
    /// article was the slowest part of the whole computation.
    struct Scores {
        var values: [Float]
        var touched: [Int32] = []
        static let unset: Float = -1

        init(count: Int) {
            values = Array(repeating: Self.unset, count: count)
        }

        mutating func add(_ article: Int32, _ amount: Float) {
            let current = values[Int(article)]
            if current == Self.unset {
                touched.append(article)
                values[Int(article)] = amount
            } else {
                values[Int(article)] = current + amount
            }
        }

        mutating func reset() {
            for article in touched { values[Int(article)] = Self.unset }
            touched.removeAll(keepingCapacity: true)
        }
    }

    struct Index: Sendable {
        let articles: [ParsedArticle]
        let graph: LinkGraph
        let options: Options
        let indexByID: [String: Int]
        /// Per article, copied out of `articles` because reading a field of an array element
        /// that large costs more than the scoring around it.
        let ids: [String]
        let categories: [Int32]
        /// -1 for an article outside any section.
        let sections: [Int32]
        /// Each article's language folder as a number (0: the default language): related
        /// articles are found within an article's language.
        let languages: [Int32]
        /// Each article's most distinctive terms with unit-length TF-IDF weights.
        let topTerms: [[Weighted]]
        /// Each term's articles, in a TermTable: every article looks up each of its top terms.
        let postings: TermTable<[(article: Int32, weight: Float)]>
        /// Each article's tags as numbers (lower-cased, without repeats) and as written, and each
        /// tag's articles.
        let tags: [[Int32]]
        /// Each article's tags numbered below 64 as bits, so scoring a candidate needs no read
        /// of its list: at 10,000 articles that read missed the cache for nearly every candidate.
        let tagBits: [UInt64]
        let tagNames: [[String]]
        let articlesByTag: [[Int32]]
        let tagWeight: [Double]

        init(_ articles: [ParsedArticle], graph: LinkGraph, options: Options) {
            self.articles = articles
            self.graph = graph
            self.options = options
            indexByID = articles.positionsByID
            ids = articles.map(\.source.id)
            var folderNumbers: [String: Int32] = [:]
            func number(_ folder: String) -> Int32 {
                if let known = folderNumbers[folder] { return known }
                folderNumbers[folder] = Int32(folderNumbers.count)
                return Int32(folderNumbers.count - 1)
            }
            // By position: mapped over the articles, these closures (which number as they go)
            // were handed a copy of each article.
            categories = articles.indices.map { number(articles[$0].source.categoryID) }
            sections = articles.indices.map { articles[$0].source.sectionID.map(number) ?? -1 }
            var languageNumbers: [String: Int32] = [:]
            languages = articles.indices.map { article in
                guard let folder = articles[article].source.languageFolder else { return 0 }
                if let known = languageNumbers[folder] { return known }
                languageNumbers[folder] = Int32(languageNumbers.count + 1)
                return Int32(languageNumbers.count)
            }
            let count = Double(max(articles.count, 1))

            let documentFrequency = Self.documentFrequencies(articles)
            // A term's idf by the number of articles it is in, worked out once for each number:
            // worked out for each of an article's terms, the logarithm was 5 % of this step.
            let idfs = (0...articles.count).map { df in df == 0 ? 0 : Float(log(count / Double(df))) }
            // By position, the vector read where it is: handed over whole, each article was copied.
            let topTerms = parallelMap(Array(articles.indices)) { article -> [Weighted] in
                // Keep the best few in one pass rather than sorting the article's hundreds of terms.
                var best: [Weighted] = []
                best.reserveCapacity(options.termsPerArticle + 1)
                for (term, frequency) in zip(articles[article].terms.terms, articles[article].terms.weights)
                where term & TextTokenizer.functionBit == 0 {
                    let df = documentFrequency(term)
                    // A term no other article has cannot relate two articles.
                    guard df > 1 else { continue }
                    let idf = idfs[df]
                    guard idf > 0 else { continue }
                    let item = (term: term, weight: (1 + log(frequency)) * idf)
                    if best.count == options.termsPerArticle, let last = best.last, !Self.heavier(item, last) { continue }
                    best.insert(item, at: best.firstIndex { Self.heavier(item, $0) } ?? best.count)
                    if best.count > options.termsPerArticle { best.removeLast() }
                }
                let length = sqrt(best.reduce(0) { $0 + $1.weight * $1.weight })
                return length > 0 ? best.map { ($0.term, $0.weight / length) } : []
            }
            self.topTerms = topTerms

            var postings = TermTable<[(article: Int32, weight: Float)]>(capacity: 1 << 12)
            for (article, terms) in topTerms.enumerated() {
                for (term, weight) in terms { postings.update(term, initial: []) { $0.append((Int32(article), weight)) } }
            }
            var common: [UInt64] = []
            postings.forEach { term, list in if list.count > options.articlesPerTerm { common.append(term) } }
            for term in common {
                postings.update(term, initial: []) { list in
                    list = Array(list.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.article < $1.article }
                        .prefix(options.articlesPerTerm))
                }
            }
            self.postings = postings

            var tagNumbers: [String: Int32] = [:]
            var tags: [[Int32]] = []
            var tagNames: [[String]] = []
            var articlesByTag: [[Int32]] = []
            for index in articles.indices {
                var own: [Int32] = []
                var names: [String] = []
                for tag in articles[index].source.frontMatter.tags {
                    let key = tag.lowercased()
                    let number = tagNumbers[key] ?? {
                        tagNumbers[key] = Int32(articlesByTag.count)
                        articlesByTag.append([])
                        return Int32(articlesByTag.count - 1)
                    }()
                    if !own.contains(number) {
                        own.append(number)
                        names.append(tag)
                        articlesByTag[Int(number)].append(Int32(index))
                    }
                }
                tags.append(own)
                tagNames.append(names)
            }
            self.tags = tags
            tagBits = tags.map { $0.reduce(0) { bits, tag in tag < 64 ? bits | 1 << UInt64(tag) : bits } }
            self.tagNames = tagNames
            self.articlesByTag = articlesByTag
            // Rare tags say more than common ones: 0.25 for a tag only two articles share.
            tagWeight = articlesByTag.map { 0.25 * log(count / Double($0.count)) / log(max(count / 2, 2)) }
        }

        static func heavier(_ a: Weighted, _ b: Weighted) -> Bool {
            a.weight != b.weight ? a.weight > b.weight : a.term < b.term
        }

        /// How many articles contain each term, counted on all cores: each core counts the terms
        /// whose id falls in its share.
        static func documentFrequencies(_ articles: [ParsedArticle]) -> (UInt64) -> Int {
            let shards = ProcessInfo.processInfo.activeProcessorCount
            let counts = parallelMap(Array(0..<shards)) { shard -> TermTable<Int32> in
                // Grown as needed: sized for the worst case up front, it took 270 MB at 50,000
                // articles, a site having far fewer distinct terms than articles times terms.
                var counts = TermTable<Int32>(capacity: 1 << 12)
                for article in articles.indices {
                    for term in articles[article].terms.terms where Int(term % UInt64(shards)) == shard && term & TextTokenizer.functionBit == 0 {
                        counts.update(term, initial: 0) { $0 += 1 }
                    }
                }
                return counts
            }
            return { term in Int(counts[Int(term % UInt64(shards))][term] ?? 0) }
        }

        func related(to index: Int, scores: inout Scores) -> [Entry] {
            var entries: [Entry] = []
            // A list, not a set: it holds the article and at most a list's worth of those its
            // front matter names, as the names past a full list are not read.
            var taken: [Int] = [index]
            let subject = Subject(index: index, index: self)
            // Read in place: taken as a whole, the article was copied, every member retained.
            for reference in articles[index].source.frontMatter.related where entries.count < options.count {
                guard let target = indexByID[reference.value], !taken.contains(target) else { continue }
                taken.append(target)
                var entry = explain(subject, target, textScore: 0)
                entry.fromFrontMatter = true
                entries.append(entry)
            }
            guard entries.count < options.count else { return entries }

            // Text similarity: the dot product of the two articles' distinctive-term weights,
            // summed through the inverted index, so only articles sharing a term are touched.
            scores.reset()
            for (term, weight) in topTerms[index] {
                for posting in postings[term] ?? [] { scores.add(posting.article, weight * posting.weight) }
            }
            // Articles sharing a rare tag, or a link, are candidates even without shared terms.
            for tag in tags[index] where articlesByTag[Int(tag)].count <= options.articlesPerTerm {
                for other in articlesByTag[Int(tag)] { scores.add(other, 0) }
            }
            for other in graph.outgoing[index] { scores.add(Int32(other), 0) }
            for other in graph.incoming[index] { scores.add(Int32(other), 0) }

            // Keep the best few in one pass, then explain only those.
            let wanted = options.count - entries.count
            var best: [(other: Int, text: Double, score: Double)] = []
            for candidate in scores.touched {
                let other = Int(candidate)
                let text = Double(scores.values[other])
                guard !taken.contains(other), languages[other] == languages[index] else { continue }
                let score = subject.score(other, text: text, index: self)
                guard score >= options.threshold else { continue }
                let item = (other: other, text: text, score: score)
                if best.count == wanted, let last = best.last, !ranksBefore(item, last) { continue }
                let position = best.firstIndex { ranksBefore(item, $0) } ?? best.count
                best.insert(item, at: position)
                if best.count > wanted { best.removeLast() }
            }
            entries += best.map { explain(subject, $0.other, textScore: $0.text) }
            return entries
        }

        /// Higher score first; ties in code point order of the id, so lists never depend on
        /// the order candidates were found in.
        func ranksBefore(_ a: (other: Int, text: Double, score: Double), _ b: (other: Int, text: Double, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : precedes(ids[a.other], ids[b.other])
        }

        /// What scoring needs of the article whose list is being made, fetched once rather than
        /// for each of its hundreds of candidates.
        struct Subject {
            let article: Int
            let tags: [Int32]
            /// Whether a tag is numbered past `tagBits`' 64, so candidates' lists must be read.
            let hasTagsPastBits: Bool
            let category: Int32
            let section: Int32
            /// Sorted, and searched by halves: an article links to few others, and hashing each
            /// of its hundreds of candidates into a set cost more than the rest of scoring it.
            let outgoing: [Int]
            let incoming: [Int]

            /// `index` is borrowed: taken as an initializer's argument is by default, it was
            /// copied for every article, each of its arrays retained on both cores.
            init(index article: Int, index: borrowing Index) {
                self.article = article
                tags = index.tags[article]
                hasTagsPastBits = tags.contains { $0 >= 64 }
                category = index.categories[article]
                section = index.sections[article]
                outgoing = index.graph.outgoing[article].sorted()
                incoming = index.graph.incoming[article].sorted()
            }

            /// Text similarity, plus each shared tag (rarer tags weigh more) and links either way;
            /// a little more within the same category.
            func score(_ other: Int, text: Double, index: Index) -> Double {
                var score = text
                if !tags.isEmpty {
                    let otherBits = index.tagBits[other], otherTags = hasTagsPastBits ? index.tags[other] : []
                    for tag in tags where tag < 64 ? otherBits >> UInt64(tag) & 1 != 0 : otherTags.contains(tag) {
                        score += index.tagWeight[Int(tag)]
                    }
                }
                if Self.has(outgoing, other) { score += 0.3 }
                if Self.has(incoming, other) { score += 0.2 }
                // The same section is closer still than the same category.
                guard category == index.categories[other] else { return score }
                return section >= 0 && section == index.sections[other] ? score * 1.25 : score * 1.15
            }

            static func has(_ sorted: [Int], _ value: Int) -> Bool {
                var (low, high) = (0, sorted.count)
                while low < high {
                    let middle = (low + high) / 2
                    if sorted[middle] < value { low = middle + 1 } else { high = middle }
                }
                return low < sorted.count && sorted[low] == value
            }
        }

        /// The score of `other` as related to the subject's article, with its reasons.
        func explain(_ subject: Subject, _ other: Int, textScore: Double) -> Entry {
            let index = subject.article
            var entry = Entry(id: ids[other], index: other, score: subject.score(other, text: textScore, index: self))
            entry.textScore = textScore
            entry.sharedTags = zip(tags[index], tagNames[index]).filter { tags[other].contains($0.0) }.map(\.1)
            entry.linksTo = graph.outgoing[index].contains(other)
            entry.linkedFrom = graph.incoming[index].contains(other)
            entry.sameCategory = categories[index] == categories[other]
            entry.sameSection = sections[index] >= 0 && sections[index] == sections[other]
            return entry
        }
    }
}
