import Testing
@testable import TebikiCore

@Suite("Search title keys")
struct SearchTitleKeyTests {
    /// The keys read from the bytes, with their shortcuts for ASCII and for kana and kanji, are
    /// those of the rule applied one scalar at a time, on random titles of every kind of
    /// character the rule treats apart.
    @Test func keysFromTheBytesAreTheRuleReadAScalarAtATime() {
        let pieces = ["Login", "SSR", "api", "2FA", " ", "(", ")", "（", "）", "-", ".", "ﾛｸﾞｲﾝ", "ろぐいん", "ログイン", "設定", "・", "「",
                      "」", "。", "、", "\u{3000}", "\u{3099}", "ゝ", "ゟ", "ー", "Café", "Ωμέγα", "Русский", "😀", "ＡＢＣ", "１２", "㈱", "ﬁ",
                      "\u{3400}", "\u{9FFF}", "\u{F900}", "𠮷", "Ⅳ", "ß", "İ"]
        var random = SeededRandom(seed: 7)
        var differences = 0
        for _ in 0..<2_000 {
            let title = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            if SearchTitleKey.keys(of: title) != Self.keysAScalarAtATime(title) { differences += 1 }
        }
        #expect(differences == 0)
        #expect(SearchTitleKey.keys(of: "サーバーサイドレンダリング（SSR）") == ["サーバーサイドレンダリング", "ssr"])
        #expect(SearchTitleKey.keys(of: "ろぐいん (Login) 設定") == ["ログイン設定", "login"])
    }

    /// The rule as written: each scalar of the NFKC text normalised, folded (hiragana as
    /// katakana, lower case); parentheses open and close aliases; letters, digits and CJK
    /// characters but punctuation are kept.
    static func keysAScalarAtATime(_ title: String) -> [String] {
        let normalised = CompatibilityNormalizer.needsNormalizing(title) ? CompatibilityNormalizer.normalize(title) : title
        var base = "", aliases: [String] = [], alias = "", depth = 0
        for raw in normalised.unicodeScalars {
            let folded = TextTokenizer.fold(TextTokenizer.normalise(raw))
            let scalar = folded.isWideScript ? folded : TextTokenizer.lowercase(folded)
            switch scalar {
            case "(": depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth == 0 { aliases.append(alias); alias = "" }
            default:
                let kept = TextTokenizer.isWordCharacter(scalar) || (scalar.isWideScript && !TextTokenizer.isCJKPunctuation(scalar))
                guard kept else { continue }
                if depth > 0 { alias.unicodeScalars.append(scalar) } else { base.unicodeScalars.append(scalar) }
            }
        }
        var keys: [String] = []
        for key in [base] + aliases where !key.isEmpty && !keys.contains(key) { keys.append(key) }
        return keys
    }
}
