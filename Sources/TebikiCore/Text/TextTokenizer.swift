/// Splits text into the terms related articles (and later search) compare: Latin words and
/// overlapping bigrams of Japanese and other CJK text. Index and query must use the same rules,
/// so this is the one place they live.
///
/// Normalisation covers what NFKC changes in help-centre text: full-width ASCII becomes ASCII,
/// half-width katakana becomes full-width, the ideographic space becomes a space; Latin letters are
/// lower-cased and lightly stemmed. Hiragana is folded to katakana so ろぐいん finds ログイン.
public struct TextTokenizer: Sendable {
    public enum Term: Hashable, Sendable {
        case word(String)
        case bigram(Unicode.Scalar, Unicode.Scalar)
        case single(Unicode.Scalar)

        /// The bigram or single character an id stands for; nil for words, whose ids are hashes.
        public init?(stableID id: UInt64) {
            let first = Unicode.Scalar(UInt32(id >> 21 & 0x1F_FFFF)), last = Unicode.Scalar(UInt32(id & 0x1F_FFFF))
            switch id >> 62 {
            case 1: guard let first, let last else { return nil }; self = .bigram(first, last)
            case 2: guard let last else { return nil }; self = .single(last)
            default: return nil
            }
        }

        /// How the search index and its client name the term: the word, or the one or two characters.
        public var key: String {
            switch self {
            case .word(let word): return word
            case let .bigram(first, second): return String(String.UnicodeScalarView([first, second]))
            case .single(let scalar): return String(scalar)
            }
        }

        /// The same number on every run and machine (Swift's own hashing is seeded per process),
        /// so anything ordered by terms is deterministic.
        public var stableID: UInt64 {
            switch self {
            case let .bigram(first, second): return 1 << 62 | UInt64(first.value) << 21 | UInt64(second.value)
            case let .single(scalar): return 2 << 62 | UInt64(scalar.value)
            case let .word(word):
                var hash = TextTokenizer.fnvOffset  // FNV-1a
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* TextTokenizer.fnvPrime }
                return TextTokenizer.wordTag | hash >> 3  // bit 61 stays free for TextTokenizer.functionBit
            }
        }
    }

    /// Drop common English words and bigrams made only of hiragana (mostly grammar: の, を…).
    public var dropsFunctionWords = true

    public init(dropsFunctionWords: Bool = true) {
        self.dropsFunctionWords = dropsFunctionWords
    }

    /// Every term of `text`, in order. The build collects terms through `TermVector`; this is
    /// for looking at what the tokenizer makes of a text.
    public func terms(of text: String) -> [Term] {
        var sink = TermListSink(tokenizer: self)
        scan(text, into: &sink)
        return sink.terms
    }
}

/// Receives the terms of a text as the tokenizer finds them. The scanner is generic over its
/// sink so each use is specialised: this runs over every character of every article.
protocol TermSink {
    /// A Latin word, lower-cased, as UTF-8 bytes, not yet stemmed.
    mutating func word(_ utf8: [UInt8], isASCII: Bool)
    /// `isFunction`: hiragana alone, mostly grammar (の, を, する).
    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool)
    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool)
}

extension TextTokenizer {
    /// The one place text is cut into terms.
    func scan<Sink: TermSink>(_ text: String, into sink: inout Sink) {
        var word: [UInt8] = []
        var wordIsASCII = true
        var previousWide: Unicode.Scalar?
        var previousWasHiragana = false
        var wideRunLength = 0

        func endWord() {
            guard !word.isEmpty else { return }
            sink.word(word, isASCII: wordIsASCII)
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
        func endWideRun() {
            if wideRunLength == 1, let single = previousWide, !(dropsFunctionWords && previousWasHiragana) {
                sink.single(Self.fold(single), isFunction: previousWasHiragana)
            }
            previousWide = nil
            wideRunLength = 0
        }

        for raw in text.unicodeScalars {
            let value = raw.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: endWideRun(); word.append(UInt8(value + 0x20))
                case 0x61...0x7A, 0x30...0x39: endWideRun(); word.append(UInt8(value))
                default: endWord(); endWideRun()
                }
                continue
            }
            let scalar = Self.normalise(raw)
            if scalar.value < 0x80 || Self.isWordCharacter(scalar) {
                endWideRun()
                let lower = Self.lowercase(scalar)
                if lower.value >= 0x80 { wordIsASCII = false }
                if Self.isWordCharacter(lower) { word.append(contentsOf: String(lower).utf8) } else { endWord() }
            } else if scalar.isWideScript && !Self.isCJKPunctuation(scalar) {
                endWord()
                let isHiragana = (0x3041...0x309F).contains(scalar.value)
                if let previous = previousWide, !(dropsFunctionWords && isHiragana && previousWasHiragana) {
                    sink.bigram(Self.fold(previous), Self.fold(scalar), isFunction: isHiragana && previousWasHiragana)
                }
                previousWide = scalar
                previousWasHiragana = isHiragana
                wideRunLength += 1
            } else {
                endWord()
                endWideRun()
            }
        }
        endWord()
        endWideRun()
    }

    /// A finished word: stemmed, or nil when it is a stop word to drop.
    func stemmedWord(_ utf8: [UInt8]) -> String? {
        let stemmed = Self.stem(String(decoding: utf8, as: UTF8.self))
        return dropsFunctionWords && Self.stopWords.contains(stemmed) ? nil : stemmed
    }

    /// Marks a term id as a function word (a stop word, or hiragana alone), which related
    /// articles skip and search keeps.
    static let functionBit: UInt64 = 1 << 61
}

private struct TermListSink: TermSink {
    var terms: [TextTokenizer.Term] = []
    let tokenizer: TextTokenizer

    mutating func word(_ utf8: [UInt8], isASCII: Bool) {
        if let word = tokenizer.stemmedWord(utf8) { terms.append(.word(word)) }
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool) { terms.append(.bigram(first, second)) }
    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool) { terms.append(.single(scalar)) }
}

extension TextTokenizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3
    static let wordTag: UInt64 = 3 << 62

    /// Full-width ASCII, half-width katakana and the ideographic space, as NFKC maps them.
    static func normalise(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)!
        case 0x3000: return " "
        case 0xFF66...0xFF9D: return Unicode.Scalar(halfWidthKatakana[Int(value - 0xFF66)])!
        default: return scalar
        }
    }

    /// Hiragana to katakana, so a reader may type either.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x3041...0x3096).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x60)! : scalar
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        // Accented Latin, Greek and Cyrillic letters are words too.
        return (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7
            || (0x370...0x4FF).contains(value)
    }

    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x303F).contains(scalar.value) || (0xFF01...0xFF0F).contains(scalar.value) || scalar.value == 0x30FB
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if (0x41...0x5A).contains(scalar.value) { return Unicode.Scalar(scalar.value + 0x20)! }
        if scalar.value < 0x80 { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Light English stemming: plurals and the commonest verb endings, so "passwords" meets
    /// "password" and "signing" meets "sign".
    static func stem(_ word: String) -> String {
        guard word.count > 4, word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
        for suffix in ["ing", "ies", "ed", "es", "s"] where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            if suffix == "s" && (word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is")) { return word }
            if suffix == "ies" { return base + "y" }
            if suffix == "es" && !(base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("ch") || base.hasSuffix("sh")) {
                return base + "e"
            }
            return base.count >= 3 ? base : word
        }
        return word
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "has", "have", "how",
        "if", "in", "is", "it", "its", "not", "of", "on", "or", "so", "that", "the", "then", "this", "to",
        "was", "we", "what", "when", "which", "will", "with", "you", "your",
    ]

    /// U+FF66…U+FF9D in order, as full-width katakana (voiced marks are left as they come).
    static let halfWidthKatakana: [UInt32] = Array(
        "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
            .unicodeScalars.map(\.value))
}
