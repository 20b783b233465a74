import Foundation
import Testing
@testable import TebikiCore

@Suite("String normalization")
struct StringNormalizationTests {
    /// The fast path must give what Foundation's composition gives: ASCII, kana and kanji are
    /// kept as they are, and anything else (a combining voiced mark after a kana, a
    /// compatibility ideograph, a decomposed accent, Hangul jamo) goes through Foundation.
    @Test(arguments: [
        "", "login", "ログイン", "ろぐいん", "設定を変更する手順", "api-トークン_2", "ヴァイオリン", "ゔ",
        "\u{304B}\u{3099}", "\u{30CF}\u{309A}ス", "e\u{301}t\u{E9}", "\u{F900}", "\u{1100}\u{1161}", "カ\u{3099}ー",
        "・メモ", "〜", "ｶﾞ", "ＡＢＣ", "😀",
    ])
    func composesAsFoundationDoes(text: String) {
        #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Random text over the scalars the fast path keeps and the marks that combine with them.
    @Test func composesRandomKanaTextAsFoundationDoes() {
        var random = SeededRandom(seed: 7)
        let pool: [UInt32] = [0x41, 0x7A, 0x20, 0x2D, 0x3041, 0x304B, 0x3094, 0x3096, 0x30A1, 0x30AB, 0x30CF, 0x30F7,
                              0x30FA, 0x30FC, 0x4E00, 0x65E5, 0x9FFF, 0x3099, 0x309A, 0x302A, 0x30FB, 0xF91F, 0x0301]
        for _ in 0..<2_000 {
            let length = random.next(below: 12)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in Unicode.Scalar(pool[random.next(below: pool.count)])! }))
            #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func knowsWhichTextIsAlreadyComposed() {
        #expect("ログイン設定 abc".isComposedKanaOrASCII)
        #expect(!"\u{304B}\u{3099}".isComposedKanaOrASCII)
        #expect(!"café".isComposedKanaOrASCII)
    }

    /// Trimming settles most text from its first and last scalars; whatever it settles, it
    /// trims as taking off whitespace Characters one at a time does.
    @Test func trimsAsCharacterByCharacterDoes() {
        let pieces = ["a", "Z", "1", "-", "ログ", "設定", "ー", "・", " ", "\t", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{2003}",
                      "\u{85}", "e\u{301}", " \u{301}", "\u{3099}", "😀", "Ω", "\u{1F}"]
        var random = SeededRandom(seed: 33)
        var differences = 0
        for _ in 0..<3_000 {
            let text = (0..<random.next(below: 7)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            var slice = text[...]
            while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
            while slice.last?.isWhitespace == true { slice = slice.dropLast() }
            if text.trimmingSpaces() != slice { differences += 1 }
        }
        #expect(differences == 0)
        #expect("\u{3000}ログイン\u{00A0}".trimmingSpaces() == "ログイン")
    }
}
