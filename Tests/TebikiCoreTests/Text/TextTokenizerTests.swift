import Foundation
import Testing
@testable import TebikiCore

@Suite("Text tokenizer")
struct TextTokenizerTests {
    func ids(_ text: String, dropsFunctionWords: Bool = true) -> [UInt64] {
        TextTokenizer(dropsFunctionWords: dropsFunctionWords).terms(of: text).map(\.stableID)
    }

    func bigrams(_ text: String) -> [UInt64] {
        let scalars = Array(text.unicodeScalars)
        return zip(scalars, scalars.dropFirst()).map { TextTokenizer.Term.bigram($0, $1).stableID }
    }

    @Test func japaneseBecomesOverlappingBigrams() {
        #expect(ids("ログイン") == bigrams("ログイン"))
        #expect(ids("二段階認証コード") == bigrams("二段階認証コード"))
    }

    @Test func hiraganaIsFoldedToKatakana() {
        #expect(ids("ろぐいん", dropsFunctionWords: false) == ids("ログイン", dropsFunctionWords: false))
        // Bigrams of hiragana alone are mostly grammar (の, を, する); related articles skip them.
        #expect(ids("ログインする") == bigrams("ログインス"))
    }

    @Test func fullWidthAndHalfWidthFormsAreNormalised() {
        #expect(ids("ＡＰＩトークン") == ids("api トークン"))
        #expect(ids("ｶﾀｶﾅ") == ids("カタカナ"))
        #expect(ids("１２３") == ids("123"))
    }

    @Test func halfWidthVoicedMarksAndCompatibilityCharactersAreComposedAsNFKCDoes() {
        #expect(ids("ｺﾝﾎﾟｰﾈﾝﾄ") == bigrams("コンポーネント"))
        #expect(ids("ﾛｸﾞｲﾝ") == bigrams("ログイン"))
        #expect(ids("ロク\u{3099}イン") == bigrams("ログイン"))  // decomposed, as macOS file names are
        #expect(ids("㈱") == [TextTokenizer.Term.single("株").stableID])
        #expect(ids("ﬁle") == [TextTokenizer.Term.word("file").stableID])
    }

    @Test func onlyWhatNFKCCanChangeGoesThroughFoundation() {
        #expect(!CompatibilityNormalizer.needsNormalizing("ログイン画面（設定）で「ＯＫ」を押す。ﾛｸﾞｲﾝ".replacingOccurrences(of: "ﾞ", with: "")))
        #expect(CompatibilityNormalizer.needsNormalizing("ﾛｸﾞｲﾝ"))
        #expect(CompatibilityNormalizer.needsNormalizing("㈱"))
        // Only runs that need it (with the scalar before) are normalised; what the tokenizer maps
        // itself stays, and the terms are those of a full NFKC pass.
        let text = "（ﾛｸﾞ）①ａ ﾊﾟｽ ㍿"
        #expect(CompatibilityNormalizer.normalize(text) == "（ﾛグ)1ａ パｽ 株式会社")
        #expect(ids(text) == ids(text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping))
    }

    /// The check reads UTF-8 bytes itself: held to the scalars' rule for characters of every
    /// length (one to four bytes), alone and between others.
    @Test func theByteCheckAgreesWithTheScalarRule() {
        var checked = 0
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 7) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unstable = !CompatibilityNormalizer.isStable(scalar)
            for text in [String(scalar), "a\(scalar)ア", "ログ\(scalar)", "0123456789abcde\(scalar)xyz"] {
                #expect(CompatibilityNormalizer.needsNormalizing(text) == unstable, "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 150_000)
    }

    /// Kana and kanji skip the checks the scanner makes of other characters: every character
    /// let through that way is one those checks would have sent to the bigrams unchanged.
    @Test func kanaAndKanjiTakeTheShortWayOnlyWhereTheLongWayAgrees() {
        var shortcuts = 0
        for value in UInt32(0x80)...0xFFFF where TextTokenizer.isKanaOrKanji(value) {
            let scalar = Unicode.Scalar(value)!
            #expect(TextTokenizer.normalise(scalar) == scalar && scalar.isWideScript && !TextTokenizer.isCJKPunctuation(scalar)
                && !TextTokenizer.isWordCharacter(scalar) && scalar != TextTokenizer.codeStart && scalar != TextTokenizer.codeEnd,
                "U+\(String(value, radix: 16))")
            shortcuts += 1
        }
        #expect(shortcuts > 20_000)
        #expect(TextTokenizer.isKanaOrKanji(0x30A2) && TextTokenizer.isKanaOrKanji(0x6F22) && !TextTokenizer.isKanaOrKanji(0x30FB))
        // The middle dot still ends a run of bigrams.
        #expect(ids("ログイン・設定", dropsFunctionWords: false) == bigrams("ログイン") + bigrams("設定"))
    }

    /// ASCII is skipped eight bytes at a time: a character to normalise is found at every
    /// offset from a run's start, and at its end.
    @Test func theByteCheckFindsACharacterAfterAnyLengthOfASCII() {
        for length in 0...17 {
            let ascii = String(repeating: "a", count: length)
            #expect(CompatibilityNormalizer.needsNormalizing(ascii + "㈱" + ascii))
            #expect(CompatibilityNormalizer.needsNormalizing(ascii + "㈱"))
            #expect(!CompatibilityNormalizer.needsNormalizing(ascii + "ア" + ascii))
        }
    }

    @Test func identifiersAreTermsWholeAndInParts() {
        let terms = TextTokenizer().terms(of: "v-model defineProps CB_AU01 /k/ .s HTMLElement APIs import.meta.env.").map(\.key)
        for term in ["v-model", "model", "defineprop", "define", "prop", "cb_au01", "au01", "/k/", ".s", "html", "element", "import.meta.env"] {
            #expect(terms.contains(term), "\(term)")
        }
        #expect(!terms.contains("ap") && !terms.contains("import.meta.env."), "a plural is not a part; a full stop ends the identifier")
        let long = String(repeating: "a-", count: 40) + "b"
        #expect(!TextTokenizer().terms(of: long).map(\.key).contains(long), "an identifier of more than 64 characters is data")
    }

    @Test func inlineCodeMarkedInSectionTextIsSkipped() {
        let text = "設定\(TextTokenizer.codeStart)defineProps\(TextTokenizer.codeEnd)を使う"
        #expect(ids(text) == ids("設定 を使う"))
    }

    @Test func latinWordsAreLowerCasedStemmedAndStopWordsDropped() {
        #expect(ids("Passwords") == [TextTokenizer.Term.word("password").stableID])
        #expect(ids("Signing in to the app") == [TextTokenizer.Term.word("sign").stableID, TextTokenizer.Term.word("app").stableID])
        #expect(ids("the to", dropsFunctionWords: false).count == 2)
        #expect(ids("Café") == [TextTokenizer.Term.word("café").stableID])
    }

    @Test func punctuationSplitsTermsAndMixedTextWorks() {
        let mixed = ids("「ログイン」をクリック、API token")
        #expect(mixed.contains(TextTokenizer.Term.bigram("ロ", "グ").stableID))
        #expect(mixed.contains(TextTokenizer.Term.bigram("ク", "リ").stableID))
        #expect(!mixed.contains(TextTokenizer.Term.bigram("ン", "」").stableID))
        #expect(mixed.suffix(2) == [TextTokenizer.Term.word("api").stableID, TextTokenizer.Term.word("token").stableID])
        // A lone kanji between punctuation is kept as a single character.
        #expect(ids("（例）") == [TextTokenizer.Term.single("例").stableID])
    }

    @Test func bigramAndSingleIDsDecodeBackToTheirCharacters() {
        for term in [TextTokenizer.Term.bigram("ロ", "グ"), .single("退"), .bigram("𠮷", "野")] {
            #expect(TextTokenizer.Term(stableID: term.stableID) == term)
            #expect(TextTokenizer.Term(stableID: term.stableID | TextTokenizer.functionBit) == term)
        }
        #expect(TextTokenizer.Term(stableID: TextTokenizer.Term.word("login").stableID) == nil)
    }

    /// Parts in section order are sorted by term alone (the stable sort keeps sections in
    /// order); any other order by term and section. Both give the same vector, ties to the
    /// earlier section.
    @Test func termVectorsDoNotDependOnTheOrderOfTheirParts() {
        let parts: [TermVector.Part] = [.init("ログイン設定", weight: 6), .init("設定 login", weight: 2),
                                        .init("ログイン", weight: 3, section: 0), .init("設定する login", weight: 1, section: 0),
                                        .init("設定 ログイン", weight: 1, section: 1), .init("login()", weight: 0.5, section: 1),
                                        .init("設定を確認", weight: 1, section: 2)]
        let inOrder = TermVector(parts)
        for shuffled in [Array(parts.reversed()), Array(parts[3...] + parts[..<3])] {
            let vector = TermVector(shuffled)
            #expect(vector.terms == inOrder.terms)
            #expect(vector.weights == inOrder.weights)
            #expect(vector.sections == inOrder.sections)
        }
        let setting = TextTokenizer.Term.bigram("設", "定").stableID
        #expect(inOrder.sections[inOrder.terms.firstIndex(of: setting)!] == 0)
    }

    /// A build counts each core's articles in the same tables one after another: no term,
    /// weight, section or word of an article may reach the next one's vector.
    @Test func tallyTablesKeptFromOneArticleToTheNextChangeNoVector() {
        var random = SeededRandom(seed: 39)
        let pieces = ["ログイン", "設定", "を", "確認", "Passwords", "signing", "v-model", "HTMLElement", "画面", "と", "API", "\n", "。", "cb_au01"]
        func text() -> String { (0..<random.next(below: 30)).map { _ in pieces[random.next(below: pieces.count)] }.joined(separator: " ") }
        var tallies = TermVector.Tallies()
        for article in 0..<200 {
            var parts = [TermVector.Part(text(), weight: 6), TermVector.Part(text(), weight: 2)]
            for section in 0..<random.next(below: 4) {
                parts.append(.init(text(), weight: 3, section: section))
                parts.append(.init(text(), weight: 1, section: section))
            }
            // Every fifth article out of section order, which collects occurrences instead.
            if article % 5 == 0 { parts.reverse() }
            let reused = TermVector(parts, reusing: &tallies)
            let fresh = TermVector(parts)
            #expect(reused == fresh)
            #expect(Array(reused.words.map(\.word)) == Array(fresh.words.map(\.word)))
        }
    }

    @Test func termVectorsAddWeightsAcrossPartsAndKeepTheBestSection() {
        let vector = TermVector([.init("ログイン", weight: 3), .init("ログイン画面", weight: 1, section: 0),
                                 .init("画面と画面とログイン", weight: 1, section: 1), .init("Passwords", weight: 2)])
        let login = TextTokenizer.Term.bigram("ロ", "グ").stableID
        let screen = TextTokenizer.Term.bigram("画", "面").stableID
        let index = vector.terms.firstIndex(of: login)!
        #expect(vector.weights[index] == 5)
        #expect(vector.sections[vector.terms.firstIndex(of: screen)!] == 1)
        #expect(vector.terms == vector.terms.sorted())
        // Hiragana alone is kept for search but marked, so related articles can skip it.
        let particle = TextTokenizer.Term.bigram("ト", "ト").stableID
        #expect(!vector.terms.contains(particle))
        #expect(vector.bodyLength == 5 + 9)
        let password = TextTokenizer.Term.word("password").stableID
        #expect(vector.words[password] == "password")
    }

    @Test(arguments: [
        ("categories", "category"), ("updates", "update"), ("analyses", "analys"), ("passwords", "password"), ("signing", "sign"),
        ("class", "class"), ("status", "status"), ("basis", "basis"), ("boxes", "box"), ("wishes", "wish"), ("using", "using"),
        ("saved", "sav"), ("reed", "reed"), ("ログイン", "ログイン"), ("cafés", "cafés"), ("tokens", "token"), ("APIs", "APIs"),
    ])
    func stemsTheSameOnBytesAsOnText(word: String, stem: String) {
        #expect(TextTokenizer.stem(word) == stem)
        let bytes = Array(word.utf8)
        let (keep, add) = bytes.withUnsafeBufferPointer { TextTokenizer.stem(bytes: $0, isASCII: bytes.allSatisfy { $0 < 0x80 }) }
        #expect(String(decoding: bytes[..<keep] + (add.map { [$0] } ?? []), as: UTF8.self) == stem)
        // The id made from the bytes is the one the word's text gives.
        #expect(TextTokenizer.wordID(bytes[..<keep], add: add) == TextTokenizer.Term.word(stem).stableID)
    }
}
