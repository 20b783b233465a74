import Foundation

/// Stage 5: the search index, built in Swift and split into small script files that the
/// browser loads on demand, so the first query downloads a few of them, never the whole index,
/// and the index works from any static host and from disk (scripts load where `fetch` cannot).
///
/// - `search/meta.js`: the numbers the client needs (shard and chunk counts) and the synonyms.
/// - `search/t/<shard>.js`: for each term, its postings: article, score, best section. Terms are
///   spread over shards by a hash of their text that the client computes too.
/// - `search/d/<chunk>.js`: title, category, URL, description and number of sections of a few
///   articles, loaded only for the articles a query ranks near the top.
/// - `search/f.js`: each article's category or section, for the results page's filters.
/// - `search/x/<article>-<group>.js`: the ids, headings, texts and code lines of eight of an
///   article's sections, for results and their snippets, loaded only for the sections a query
///   shows: a long article's other sections and the articles a query does not show are never loaded.
///
/// Scores are BM25 over fields (title weighs most, then headings, then description and tags,
/// then the body, then code), computed here and rounded to a byte, so a query only adds
/// numbers up. Each title's keys (`SearchTitleKey`) are terms too, so a query that is an
/// article's title finds it first.
public struct SearchIndex: Sendable {
    /// A file's text as UTF-8, as the index writes it: made into a String and written back
    /// out, its hundreds of kilobytes were checked for valid UTF-8 on the way.
    public struct File: Sendable {
        public var path: String
        public var utf8: [UInt8]

        init(path: String, utf8: [UInt8]) {
            self.path = path
            self.utf8 = utf8
        }

        init(path: String, text: String) {
            self.init(path: path, utf8: Array(text.utf8))
        }

        public var text: String { String(decoding: utf8, as: UTF8.self) }
    }

    public let files: [File]
    public let shardCount: Int

    public static let articlesPerChunk = 16
    /// Enough of a section's text for a snippet around a match near its start.
    static let sectionTextLimit = 300
    static let sectionsPerTextFile = 8

    /// The index of the site's default language, over `articles`; `words`: the site's word
    /// texts when they were taken out of the articles (`CheckedSite.searchWords`).
    init(articles: [ParsedArticle], site: LoadedSite, words: WordTable = WordTable(capacity: 0)) {
        self.init(SearchPostings(articles, words: words), articles: articles, site: site, language: site.config.language)
    }

    /// The index of one language, over its articles, in its folder (`search/`, `en/search/`).
    init(_ postings: SearchPostings, articles: [ParsedArticle], site: LoadedSite, language: String) {
        files = Self.make(postings, articles: articles, site: site, language: language) { $0 }.flatMap { $0 }
        shardCount = postings.shardCount
    }

    /// Makes the index's files a kind at a time on all cores, handing each batch to `take` on
    /// the core that made it, at the same time as other cores hand theirs: a build writes them
    /// there instead of holding the whole index (30 MB at 10,000 articles). What `take` returns
    /// comes back in the order of the files.
    static func make<Taken>(_ postings: SearchPostings, articles: [ParsedArticle], site: LoadedSite, language: String,
                            take: ([File]) -> Taken) -> [Taken] {
        makeArticleFiles(articles: articles, site: site, language: language, take: take)
            + makeTermFiles(postings, articles: articles.count, site: site, language: language, take: take)
    }

    /// The files made from the articles alone: their chunks, snippet texts and folders. A build
    /// makes them first, so the section texts can go before the postings are gathered.
    /// Each article's snippet texts are handed on as soon as they are made: made 2,000 articles
    /// at a time and then written, each batch held the texts and waited for its last article.
    static func makeArticleFiles<Taken>(articles: [ParsedArticle], site: LoadedSite, language: String,
                                        take: ([File]) -> Taken) -> [Taken] {
        let prefix = site.urlPrefix(of: language)
        let chunks = parallelMap(Array(stride(from: 0, to: articles.count, by: articlesPerChunk))) { start in
            take([chunkFile(start / articlesPerChunk, articles: articles, site: site, prefix: prefix)])
        }
        let texts = parallelMap(Array(articles.indices)) { take(textFiles($0, articles[$0].body.sections, prefix: prefix)) }
        return chunks + texts + [take([foldersFile(articles: articles, site: site, prefix: prefix)])]
    }

    /// The files made from the postings: `meta.js` and the shards.
    static func makeTermFiles<Taken>(_ postings: SearchPostings, articles count: Int, site: LoadedSite, language: String,
                                     take: ([File]) -> Taken) -> [Taken] {
        let prefix = site.urlPrefix(of: language)
        let meta = take([File(path: prefix + "search/meta.js",
                              text: meta(site: site, language: language, shardCount: postings.shardCount, articles: count))])
        return [meta] + postings.shardScripts { scripts in take(scripts.map { File(path: prefix + shardPath($0.shard), utf8: $0.utf8) }) }
    }

    /// The files an edit changed: the shards the edited articles' old and new terms fall in, and
    /// the edited articles' chunks. Scores in other shards keep the site's old average article
    /// length until the next full build, a difference that rarely moves a score by one step.
    static func updatedFiles(_ postings: inout SearchPostings, edited: Set<Int>, articles: [ParsedArticle],
                             site: LoadedSite, prefix: String) -> [File] {
        var shards = Set<Int>()
        for article in edited { shards.formUnion(postings.replace(article, with: articles[article])) }
        var wanted = Array(repeating: false, count: postings.shardCount)
        for shard in shards { wanted[shard] = true }
        var files = postings.shardScripts(only: wanted).map { File(path: prefix + shardPath($0.shard), utf8: $0.utf8) }
        for chunk in Set(edited.map { $0 / articlesPerChunk }).sorted() {
            files.append(chunkFile(chunk, articles: articles, site: site, prefix: prefix))
        }
        files += edited.sorted().flatMap { textFiles($0, articles[$0].body.sections, prefix: prefix) }
        files.append(foldersFile(articles: articles, site: site, prefix: prefix))
        return files
    }

    static func shardPath(_ shard: Int) -> String { "search/t/\(shard).js" }

    /// `TebikiSearch.folders([[title, parent]…], [folder of each article…])`: the categories and
    /// sections the articles are in (a section's parent is its category's number, a category's -1).
    static func foldersFile(articles: [ParsedArticle], site: LoadedSite, prefix: String) -> File {
        let categories = Dictionary(site.categories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let sections = Dictionary(site.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var numbers: [String: Int] = [:]
        var folders: [(title: String, parent: Int)] = []
        func number(_ id: String) -> Int {
            if let known = numbers[id] { return known }
            if let section = sections[id] {
                let parent = number(section.categoryID)
                folders.append((section.title, parent))
            } else {
                folders.append((categories[id] ?? id, -1))
            }
            numbers[id] = folders.count - 1
            return folders.count - 1
        }
        // By position: a closure over each article copied the whole article.
        let of = articles.indices.map { number(articles[$0].source.folderID) }
        var out = Array("TebikiSearch.folders([".utf8)
        for (index, folder) in folders.enumerated() {
            out += Array((index == 0 ? "[" : ",[").utf8)
            appendString(folder.title, to: &out)
            out += Array(",\(folder.parent)]".utf8)
        }
        out += Array("],[\(of.map(String.init).joined(separator: ","))]);\n".utf8)
        return File(path: prefix + "search/f.js", utf8: out)
    }

    /// `[[id, heading, text, [code line…]]…]` for each section of the article, eight to a file. An
    /// edit that removes sections leaves the files of the sections beyond as they were; nothing
    /// asks for them.
    static func textFiles(_ number: Int, _ sections: [TextSection], prefix: String) -> [File] {
        return stride(from: 0, to: max(sections.count, 1), by: sectionsPerTextFile).map { start in
            let name = "\(number)-\(start / sectionsPerTextFile)"
            var out = Array("TebikiSearch.texts(\"\(name)\",[".utf8)
            for (index, section) in sections[start..<min(start + sectionsPerTextFile, sections.count)].enumerated() {
                out.append(index == 0 ? "[" : ",\n[")
                appendString(section.id ?? "", to: &out)
                out.append(0x2C)
                appendString(section.heading, to: &out)
                out.append(0x2C)
                appendSnippetText(section.text, to: &out)
                out.append(",[")
                for (line, code) in section.keptCodeLines.enumerated() {
                    if line > 0 { out.append(0x2C) }
                    appendString(code, to: &out)
                }
                out.append("]]")
            }
            out.append("]);\n")
            return File(path: prefix + "search/x/\(name).js", utf8: out)
        }
    }

    static func chunkFile(_ chunk: Int, articles: [ParsedArticle], site: LoadedSite, prefix: String) -> File {
        let start = chunk * articlesPerChunk
        return File(path: prefix + "search/d/\(chunk).js",
                    utf8: chunkScript(chunk, articles[start..<min(start + articlesPerChunk, articles.count)], site: site, prefix: prefix))
    }

    /// Each kanji of an article's bigrams as a term of its own, for one-character queries
    /// (鍵, 旧). Kana alone would match nearly everything, so only kanji are indexed this way.
    static func kanjiSingles(of vector: TermVector) -> [(term: UInt64, weight: Float, section: Int16)] {
        var found: [(term: UInt64, weight: Float, section: Int16)] = []
        var slots = TermTable<Int>(capacity: 64)
        func add(_ scalar: UInt32, _ index: Int) {
            guard isKanji(scalar) else { return }
            let slot = slots.value(for: UInt64(scalar)) { found.count }
            if slot == found.count {
                found.append((TextTokenizer.Term.single(Unicode.Scalar(scalar)!).stableID, 0, max(0, vector.sections[index])))
            }
            found[slot].weight += vector.weights[index] / 2
        }
        for (index, term) in vector.terms.enumerated() where term >> 62 == 1 {
            add(UInt32(term >> 21 & 0x1F_FFFF), index)
            add(UInt32(term & 0x1F_FFFF), index)
        }
        return found.sorted { $0.term < $1.term }
    }

    static func isKanji(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || (0x20000...0x2FFFF).contains(scalar)
    }

    /// A term's text, as the client names it.
    static func key(_ term: UInt64, words: WordTable) -> String {
        words[term] ?? TextTokenizer.Term(stableID: term)?.key ?? ""
    }

    /// The same text, escaped for JSON, appended to a script: a bigram's or a kanji's characters
    /// come straight from its id, as UTF-8, without making a String for each of a million terms.
    static func appendKey(_ term: UInt64, words: WordTable, to out: inout [UInt8]) {
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
        for value in scalars { out.append(contentsOf: Unicode.Scalar(value)!.utf8) }
    }

    /// FNV-1a over UTF-16 code units; `search.js` computes the same to find a term's shard.
    static func shardHash(_ key: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for unit in key.utf16 { hash = (hash ^ UInt32(unit)) &* 0x0100_0193 }
        return hash
    }

    /// Each word's hash, computed once per distinct word rather than once per posting.
    static func wordHashes(_ words: WordTable) -> TermTable<UInt32> {
        var table = TermTable<UInt32>(capacity: words.count)
        words.forEach { term, word in table.update(term, initial: shardHash(word)) { _ in } }
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

    /// About 400 postings a shard: a few kilobytes compressed, so a query of ten terms (a
    /// long Japanese query is as many bigrams) stays small, without tens of thousands of files.
    static func shardCount(postings: Int) -> Int {
        var count = 16
        while count < 8192 && postings / count > 400 { count <<= 1 }
        return count
    }
}

private extension SearchIndex {
    /// A JSON string; a part of a text (a code line) is escaped where it is, not made a String.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        appendString(text[...], to: &out)
    }

    static func appendString(_ text: Substring, to out: inout [UInt8]) {
        out.append(0x22)
        text.withContiguousUTF8 { JSONText.append($0, to: &out) }
        out.append(0x22)
    }

    /// A section's text without the spaces around it, cut after `sectionTextLimit` characters;
    /// on bytes, since this runs for every section of every article.
    static func appendSnippetText(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        text.withContiguousUTF8 { bytes in
            var start = 0
            while start < bytes.count, isSpace(bytes, at: start) { start += scalarLength(bytes[start]) }
            var end = bytes.count
            while end > start {
                var lead = end - 1
                while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard isSpace(bytes, at: lead) else { break }
                end = lead
            }
            var cut = start, characters = 0
            while cut < end && characters < sectionTextLimit {
                cut += scalarLength(bytes[cut])
                characters += 1
            }
            JSONText.append(UnsafeBufferPointer(rebasing: bytes[start..<min(cut, end)]), to: &out)
        }
        out.append(0x22)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether the character starting at `index` is white space, as `Character.isWhitespace` says.
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) }
        var scalar = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
        for next in bytes[(index + 1)..<min(index + scalarLength(lead), bytes.count)] { scalar = scalar << 6 | UInt32(next & 0x3F) }
        return Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
    }

    /// One article's terms: how much each weighs (fields weighted) and the section it occurs in most.
    static func meta(site: LoadedSite, language: String, shardCount: Int, articles: Int) -> String {
        let synonyms = (site.synonyms[language] ?? []).map { group in "[" + group.map(JSONText.string).joined(separator: ",") + "]" }
        return "TebikiSearch.meta({\"version\":1,\"shards\":\(shardCount),\"chunk\":\(articlesPerChunk),\"articles\":\(articles),"
            + "\"synonyms\":[\(synonyms.joined(separator: ","))]});\n"
    }

    /// Each article as `[title, where, url, description, sections]`, where is its
    /// category's title, or `category › section` in a section, and the URL is from the
    /// language's home (`prefix`); written on bytes.
    static func chunkScript(_ chunk: Int, _ articles: ArraySlice<ParsedArticle>, site: LoadedSite, prefix: String) -> [UInt8] {
        var categories = Dictionary(site.categories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        for section in site.sections {
            categories[section.id] = (categories[section.categoryID] ?? section.categoryID) + " › " + section.title
        }
        var out = Array("TebikiSearch.docs(\(chunk),[".utf8)
        for index in articles.indices {
            let folder = articles[index].source.folderID
            out.append(index == articles.startIndex ? "[" : ",\n[")
            for field in [articles[index].source.title, categories[folder] ?? folder, String(articles[index].source.urlPath.dropFirst(prefix.count)),
                          articles[index].source.frontMatter.description ?? ""] {
                appendString(field, to: &out)
                out.append(0x2C)
            }
            out += Array("\(articles[index].body.sections.count)]".utf8)
        }
        out += Array("]);\n".utf8)
        return out
    }
}
