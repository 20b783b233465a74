import Foundation
import Testing
@testable import TebikiCore

/// The tokenizer's rules live twice: here for the index, and in `search.js` for queries. This
/// table of texts, their terms and the terms' shard hashes is what the Swift side makes of them;
/// the browser suite (`test_search.py`) runs `search.js`'s own functions on the same table, so
/// neither side can drift without a test failing.
@Suite("Tokenizer table shared with search.js")
struct TokenizerTableTests {
    static let table = TestSites.fixtures.appendingPathComponent("tokenizer-cases.json")

    static let texts = [
        "Sign in to the workspace", "Passwords and passes", "studies", "libraries boxes wishes watches", "used caused",
        "running tests", "bus status analysis class", "ＡＢＣ１２３ ｆｕｌｌ-width", "ｶﾀｶﾅ ﾛｸﾞｲﾝ", "ろぐいん と ログイン",
        "二段階認証", "監査ログを確認する", "日", "「ログイン」・設定。", "𠮷野家の𠮷", "Ελληνικά Русский", "Café naïve Ñandú",
        "k", "a b c", "2026-04-01 v1.2", "ログインURLをhttps://example.comに", "漢字かなカナ漢字", "\u{3000}全角　空白",
        "e-mail e‑mail", "ログイン\nパスワード\tタブ", "",
        // NFKC: voiced marks composed, compatibility characters mapped.
        "ｺﾝﾎﾟｰﾈﾝﾄ ﾛｸﾞｲﾝ", "か\u{3099}き\u{3099}", "㈱テスト ①番 ﬁle", "ｳﾞｧｲｵﾘﾝ｡ﾊﾟｽﾜｰﾄﾞ",
        // Identifiers whole and in parts.
        "v-model defineProps CB_AU01 /k/ .s", "HTMLElement APIs URLs iPhone", "import.meta.env. --host", "café-bar x_",
        "\u{E000}skippedCode\u{E001}本文 text",
        // Titles with an alias in parentheses, as title keys read them.
        "サーバーサイドレンダリング（SSR）", "コンポーネント (Component) の登録", "ﾛｸﾞｲﾝ（ろぐいん）", "((入れ子)) 閉じない(",
    ]

    struct Case: Codable, Equatable {
        var text: String
        var terms: [String]
        var hashes: [UInt32]
        /// The text's keys as an article title (`SearchTitleKey`).
        var titleKeys: [String]
    }

    static func cases() -> [Case] {
        let tokenizer = TextTokenizer(dropsFunctionWords: false)
        return texts.map { text in
            let terms = tokenizer.terms(of: text).map(\.key)
            return Case(text: text, terms: terms, hashes: terms.map(SearchIndex.shardHash), titleKeys: SearchTitleKey.keys(of: text))
        }
    }

    @Test func theTableIsWhatTheSwiftTokenizerMakes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let made = try encoder.encode(Self.cases()) + Data("\n".utf8)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil { try made.write(to: Self.table) }
        let stored = try Data(contentsOf: Self.table)
        #expect(stored == made, "run UPDATE_SNAPSHOTS=1 swift test after a deliberate change, and check search.js agrees")
    }

    @Test func theTableCoversEveryKindOfTerm() {
        let terms = Self.cases().flatMap(\.terms)
        #expect(terms.contains("password"))  // a stemmed word
        #expect(terms.contains("ログ"))  // a katakana bigram, from half-width and hiragana too
        #expect(terms.contains("日"))  // a single character
        #expect(terms.contains("𠮷野"))  // beyond the Basic Multilingual Plane
        let titles = Self.cases().map(\.titleKeys)
        #expect(titles.contains(["サーハーサイトレンタリンク", "ssr"]) == false, "keys fold kana, they do not drop voiced marks")
        #expect(titles.contains(["サーバーサイドレンダリング", "ssr"]))  // an alias is a key of its own
        #expect(titles.contains(["ログイン"]))  // half-width and hiragana alike
    }
}
