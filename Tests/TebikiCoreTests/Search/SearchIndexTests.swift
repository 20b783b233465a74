import Foundation
import Testing
@testable import TebikiCore

@Suite("Search index")
struct SearchIndexTests {
    let checked = SiteBuilder.check(.init(source: TestSites.repositoryRoot))

    var index: SearchIndex { SearchIndex(articles: checked.articles, site: checked.site, words: checked.searchWords) }

    /// The postings of one term, decoded from its shard script: (article, score, section).
    func postings(_ key: String, in index: SearchIndex) throws -> [(Int, Int, Int)] {
        let shard = Int(SearchIndex.shardHash(key) % UInt32(index.shardCount))
        let file = try #require(index.files.first { $0.path == "search/t/\(shard).js" })
        let json = String(file.text.dropFirst("TebikiSearch.terms(\(shard),".count).dropLast(3))
        let terms = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: [Int]]
        let flat = terms[key] ?? []
        var result: [(Int, Int, Int)] = []
        var article = 0
        for start in stride(from: 0, to: flat.count, by: 3) {
            article += flat[start]
            result.append((article, flat[start + 1], flat[start + 2]))
        }
        return result
    }

    @Test func everyArticleContainingATermIsInItsPostings() throws {
        let index = self.index
        // The oracle is the text itself, not the tokenizer the index is built with: a kana pair
        // is in an article when the article (hiragana read as katakana, as search folds them)
        // has those two characters side by side; a Latin key when a word is the key or its plural.
        func contains(_ text: String, _ key: String) -> Bool {
            if key.unicodeScalars.allSatisfy({ $0.value >= 0x3000 }) {
                let folded = String(String.UnicodeScalarView(text.unicodeScalars.map {
                    (0x3041...0x3096).contains($0.value) ? Unicode.Scalar($0.value + 0x60)! : $0
                }))
                return folded.contains(key)
            }
            let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            return words.contains { $0 == key || $0 == key + "s" }
        }
        for key in ["ログ", "グイ", "イン", "パス", "サブ", "password", "k"] {
            let listed = Set(try postings(key, in: index).map(\.0))
            for (number, article) in checked.articles.enumerated() {
                let text = ([article.source.title, article.source.frontMatter.description ?? ""]
                    + article.body.sections.flatMap { [$0.heading, $0.text, $0.code] } + article.source.frontMatter.tags).joined(separator: "\n")
                #expect(contains(text, key) == listed.contains(number), "\(key) in \(article.source.id)")
            }
        }
    }

    @Test func titlesAndHeadingsAreKeysOfTheirOwn() throws {
        let index = self.index
        let ids = checked.articles.map(\.source.id)
        for (number, article) in checked.articles.enumerated() {
            for term in SearchTitleKey.titleTerms(of: article.source.title) {
                #expect(try postings(term, in: index).map { ids[$0.0] }.contains(ids[number]), "\(term)")
            }
        }
        // A heading's key names its section: パスワード is the third section of the trial article.
        let trial = try #require(ids.firstIndex(of: "login-url/trial-url"))
        let heading = try postings("#パスワード", in: index)
        #expect(heading.contains { $0.0 == trial && checked.articles[trial].body.sections[$0.2].heading == "パスワード" })
    }

    @Test func snippetTextsAreInFilesOfEightSections() throws {
        let index = self.index
        let texts = index.files.filter { $0.path.hasPrefix("search/x/") }
        #expect(texts.count == checked.articles.reduce(0) { $0 + max(1, ($1.body.sections.count + 7) / 8) })
        let chunk = try #require(index.files.first { $0.path == "search/d/0.js" })
        let text = try #require(checked.articles[0].body.sections.map { $0.text.trimmingSpaces() }.first { $0.count > 10 })
        #expect(!chunk.text.contains(text.prefix(10)), "chunks carry no texts")
        #expect(texts.contains { $0.path == "search/x/0-0.js" && $0.text.contains(text.prefix(10)) })
    }

    @Test func kanjiAreAlsoIndexedAloneForOneCharacterQueries() throws {
        let index = self.index
        let ids = checked.articles.map(\.source.id)
        let retire = try postings("退", in: index).map { ids[$0.0] }
        #expect(retire == ["troubleshooting/restricted-user"])
        // Kana alone would match nearly every article, so it is not indexed alone.
        #expect(try postings("ロ", in: index).isEmpty)
    }

    @Test func titlesOutweighBodiesAndSectionsPointAtTheMatch() throws {
        let index = self.index
        let ids = checked.articles.map(\.source.id)
        let logout = try postings("アウ", in: index)
        let best = try #require(logout.max { $0.1 < $1.1 })
        #expect(ids[best.0] == "login/logout")
        let reset = try #require(try postings("再設", in: index).first { ids[$0.0] == "troubleshooting/password/reset-password" })
        let sections = checked.articles[ids.firstIndex(of: "troubleshooting/password/reset-password")!].body.sections
        #expect(sections[reset.2].id == "パスワードを再設定する手順")
    }

    @Test func synonymsAndCountsReachTheClient() throws {
        let meta = try #require(index.files.first { $0.path == "search/meta.js" })
        #expect(meta.text.hasPrefix("TebikiSearch.meta({\"version\":1,\"shards\":"))
        #expect(meta.text.contains("[\"ログイン\",\"サインイン\",\"sign in\",\"login\",\"log in\"]"))
        #expect(index.files.filter { $0.path.hasPrefix("search/d/") }.count == (checked.articles.count + 15) / 16)
    }

    @Test func theSameSiteGivesTheSameFiles() {
        let first = index.files.map { $0.path + $0.text }
        let second = SearchIndex(articles: checked.articles, site: checked.site, words: checked.searchWords).files.map { $0.path + $0.text }
        #expect(first == second)
    }

    @Test func shardHashIsFNV1aOverUTF16() {
        // Values the client's shardOf() computes for the same keys.
        #expect(SearchIndex.shardHash("") == 0x811C_9DC5)
        #expect(SearchIndex.shardHash("a") == 0xE40C_292C)
        #expect(SearchIndex.shardCount(postings: 100) == 16)
        #expect(SearchIndex.shardCount(postings: 7_000_000) == 8192)
    }

    /// Numbers are written in decimal at every length.
    @Test func numbersAreWrittenInDecimal() {
        for number: Int32 in [0, 1, 9, 10, 42, 99, 100, 101, 255, 999, 1_000, 65_535, 2_147_483_647] {
            var out = [UInt8](repeating: 0, count: JSONText.longestNumber)
            let count = out.withUnsafeMutableBufferPointer { JSONText.write(number, to: $0.baseAddress!) }
            #expect(String(decoding: out[..<count], as: UTF8.self) == String(number))
        }
    }

    @Test func textFromArticlesCannotEscapeTheScript() {
        #expect(JSONText.string("</script><b>\"x\" & \u{2028}\u{2029}\\\n\u{01}")
            == #""\u003c/script\u003e\u003cb\u003e\"x\" \u0026 \u2028\u2029\\\n\u0001""#)
    }

    @Test func appendingManyTextsGrowsTheBufferGeometrically() {
        // Each append once reserved exactly what it needed, so every section of a long article
        // copied the whole chunk again: 40,000 headings took seconds.
        var out: [UInt8] = []
        var capacities: Set<Int> = []
        for index in 0..<100_000 {
            JSONText.append("section \(index)", to: &out)
            capacities.insert(out.capacity)
        }
        #expect(out.count > 1_000_000)
        #expect(capacities.count < 40, "\(capacities.count) reallocations for 100,000 appends")
    }
}

@Suite("Synonyms file")
struct SynonymsTests {
    @Test func readsGroupsAndReportsBadOnes() {
        let (groups, diagnostics) = Synonyms.parse("- [ログイン, サインイン]\n- [only]\n- word\n", path: "Articles/_synonyms.yml")
        #expect(groups == [["ログイン", "サインイン"]])
        #expect(diagnostics.map(\.description) == [
            "Articles/_synonyms.yml:2:3: error: each synonym group is a list of two or more words",
            "Articles/_synonyms.yml:3:3: error: each synonym group is a list of two or more words",
        ])
    }

    @Test func theFileMustBeAList() {
        let (_, diagnostics) = Synonyms.parse("ログイン: サインイン\n", path: "Articles/_synonyms.yml")
        #expect(diagnostics.first?.message.hasPrefix("expected a list of synonym groups") == true)
    }
}

@Suite("Search shard hash")
struct SearchShardHashTests {
    @Test(arguments: ["ログ", "画", "𠮷野", "password"])
    func hashOfATermIdMatchesTheHashOfItsText(text: String) {
        let term: TextTokenizer.Term = text.unicodeScalars.count == 2 && text.unicodeScalars.allSatisfy { $0.value > 0x2000 }
            ? .bigram(text.unicodeScalars.first!, text.unicodeScalars.last!)
            : text.unicodeScalars.count == 1 ? .single(text.unicodeScalars.first!) : .word(text)
        var words = WordTable(capacity: 1)
        _ = words.insert(term.stableID, text)
        #expect(SearchIndex.shardHash(term: term.stableID, wordHashes: SearchIndex.wordHashes(words)) == SearchIndex.shardHash(text))
    }
}
