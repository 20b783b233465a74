import Testing
@testable import TebikiCore

@Suite("Heading ids (GitHub's rule)")
struct HeadingSluggerTests {
    @Test(arguments: [
        ("Before you begin", "before-you-begin"),
        ("What's new in v2.0?", "whats-new-in-v20"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("ログインの手順", "ログインの手順"),
        ("ログインURLの形", "ログインurlの形"),
        ("「ログイン」をクリック！", "ログインをクリック"),
        ("２段階認証（メール）", "２段階認証メール"),
        ("  Spaces  around ", "spaces--around"),
        ("Café Über", "café-über"),
    ])
    func slug(heading: String, id: String) {
        #expect(HeadingSlugger.slug(heading) == id)
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugger = HeadingSlugger()
        let ids = ["手順", "手順", "手順", "Other"].map { slugger.uniqueID(forSlug: HeadingSlugger.slug($0)) }
        #expect(ids == ["手順", "手順-1", "手順-2", "other"])
    }

    /// Ids on pages of up to 200 headings, past the point where the slugger stops listing them
    /// and hashes them, are those a Dictionary gives by the same rule; the slugs include ones
    /// that look like numbered repeats (`a-1`) and ones written in two canonically equal forms
    /// (`café`), and claimed ids are mixed in.
    @Test func idsStayUniqueOnLongPagesAsTheRuleGivesThem() {
        var random = SeededRandom(seed: 31)
        let pool = ["a", "a-1", "a-2", "b", "b-1", "手順", "手順-1", "c", "section", "section-1", "café", "cafe\u{301}", "cafe\u{301}-1"]
        for _ in 0..<300 {
            var slugger = HeadingSlugger()
            var used: [String: Int] = [:]
            for _ in 0..<random.next(below: 200) {
                let slug = pool[random.next(below: pool.count)]
                if random.next(below: 8) == 0 {
                    let claimed = slugger.claim(slug)
                    #expect(claimed == (used[slug] == nil))
                    if used[slug] == nil { used[slug] = 0 }
                    continue
                }
                var expected = slug
                if var count = used[slug] {
                    repeat {
                        count += 1
                        expected = "\(slug)-\(count)"
                    } while used[expected] != nil
                    used[slug] = count
                }
                used[expected] = 0
                #expect(slugger.uniqueID(forSlug: slug) == expected)
            }
        }
    }

    @Test func explicitIDsAreClaimedOnce() {
        var slugger = HeadingSlugger()
        let first = slugger.claim("setup")
        let second = slugger.claim("setup")
        #expect(first)
        #expect(!second)
        let next = slugger.uniqueID(forSlug: HeadingSlugger.slug("Setup"))
        #expect(next == "setup-1")
    }

    /// The shortcut for text that needs no trimming gives what trimming Character by Character
    /// gives, for ends that are ASCII, kana, kanji, other scripts, combining marks and spaces of
    /// every kind.
    @Test(arguments: ["", " ", "ab", " ab", "ab ", "\tab\n", "x\r\n", "\r\nx", "ログイン", "ログ ", "\u{3000}ログ", "ログ\u{3000}",
                      "か\u{3099}", "x \u{301}", " \u{301}x", "\u{85}x", "x\u{A0}", "é", "e\u{301}", "😀", "a\u{200D}", "設定 ", "Ａ"])
    func trimmingTakesTheShortcutOnlyWhereItMayAndAgreesWithCharacters(text: String) {
        var slow = text[...]
        while slow.first?.isWhitespace == true { slow = slow.dropFirst() }
        while slow.last?.isWhitespace == true { slow = slow.dropLast() }
        #expect(text.trimmingSpaces() == slow)
    }

    /// Headings of ASCII, kana and kanji are slugged on scalars; any heading gives the slug of
    /// the Character-by-Character rule.
    @Test(arguments: ["ログインする", "ログイン画面を開く", "サーバー設定", "API キーを発行する", "Step 1: 設定を確認", "  前後に空白  ",
                      "ログイン・ログアウト", "「設定」を開く", "か\u{3099}な", "ｶﾞｲﾄﾞ", "Ｗｉ-Ｆｉ", "全角\u{3000}空白", "v-model の使い方",
                      "cb_au01 と .env", "ゝゞヽヾ", "〇と々", "Ǆ と é", "😀 絵文字", "한국어 제목"])
    func headingsOfKanaAndKanjiGetTheSlugOfTheCharacterRule(heading: String) {
        #expect(HeadingSlugger.slug(heading) == HeadingSlugger.characterSlug(heading))
    }
}
