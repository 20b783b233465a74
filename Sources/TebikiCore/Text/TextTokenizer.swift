/// Splits text into the terms related articles (and later search) compare: Latin words and
/// overlapping bigrams of Japanese and other CJK text. Index and query must use the same rules,
/// so this is the one place they live.
///
/// Text is normalised as NFKC does (`CompatibilityNormalizer`): full-width ASCII becomes ASCII,
/// half-width katakana becomes full-width with its voiced marks composed, ㈱ becomes (株); Latin
/// letters are lower-cased and lightly stemmed. Hiragana is folded to katakana so ろぐいん finds ログイン.
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
            case let .word(word): return TextTokenizer.wordID(word.utf8)
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
    /// A Latin word, lower-cased, as UTF-8 bytes (valid for the call only), not yet stemmed.
    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool)
    /// `isFunction`: hiragana alone, mostly grammar (の, を, する).
    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool)
    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool)
}

extension TextTokenizer {
    /// The one place text is cut into terms.
    ///
    /// Besides words, a run of ASCII letters and digits joined by `-`, `_`, `.` or `/` is a term
    /// of its own (`v-model`, `cb_au01`, `/k/`, `.s`, `import.meta.env`), as readers type
    /// identifiers whole; its words are terms too. A camelCase word also gives its parts
    /// (`defineProps`: `defineprops`, `define`, `props`). Text between `codeStart` and `codeEnd`
    /// (inline code kept in a section's text for snippets) is skipped: code is indexed as a field
    /// of its own.
    func scan<Sink: TermSink>(_ text: String, into sink: inout Sink) {
        // The scan's state is a struct with mutating methods, not variables captured by nested
        // functions: those were checked for exclusive access at run time on every character.
        withUnsafeMutablePointer(to: &sink) { sink in
            var scan = Scan(sink: sink, dropsFunctionWords: dropsFunctionWords)
            var normalised = CompatibilityNormalizer.needsNormalizing(text) ? CompatibilityNormalizer.normalize(text) : text
            // Read on the UTF-8: the scalar view cost more per character than most of the scan.
            normalised.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte &- 0x61 < 26 && !scan.inCode {
                        // A run of lower-case letters, most of any Latin text, taken at once: a
                        // letter at a time, each paid for the whole state machine.
                        var end = index + 1
                        while end < bytes.count && bytes[end] &- 0x61 < 26 { end += 1 }
                        scan.lowercase(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        index = end
                    } else if byte < 0x80 {
                        scan.take(Unicode.Scalar(byte))
                        index += 1
                    } else {
                        let (value, length) = UTF8Scalar.decode(bytes, at: index)
                        index += length
                        // Kana and kanji, most of any Japanese text, go straight to the bigrams:
                        // nothing normalises them, and they are wide script and not punctuation.
                        if TextTokenizer.isKanaOrKanji(value) && !scan.inCode {
                            scan.wide(Unicode.Scalar(value)!)
                        } else {
                            scan.take(Unicode.Scalar(value)!)
                        }
                    }
                }
            }
            scan.endWord()
            scan.endCompound()
            scan.endWideRun()
        }
    }

    /// Marks inline code in a section's text: kept there for snippets, skipped when indexing
    /// (private-use characters, which no writer's text contains).
    static let codeStart: Unicode.Scalar = "\u{E000}"
    static let codeEnd: Unicode.Scalar = "\u{E001}"

    /// A finished word: stemmed, or nil when it is a stop word to drop.
    func stemmedWord(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
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

    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if let word = tokenizer.stemmedWord(utf8) { terms.append(.word(word)) }
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, isFunction: Bool) { terms.append(.bigram(first, second)) }
    mutating func single(_ scalar: Unicode.Scalar, isFunction: Bool) { terms.append(.single(scalar)) }
}

extension TextTokenizer {
    /// A word's term id from its bytes (FNV-1a), with `add` after them when given.
    static func wordID<Bytes: Sequence<UInt8>>(_ bytes: Bytes, add: UInt8? = nil) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        if let add { hash = (hash ^ UInt64(add)) &* fnvPrime }
        return wordTag | hash >> 3  // bit 61 stays free for functionBit
    }

    /// In a TermTable: a Set hashed each short word's id with SipHash, 150 instructions a word.
    static let stopWordIDs: TermTable<Bool> = {
        var table = TermTable<Bool>(capacity: stopWords.count)
        for word in stopWords { _ = table.insert(wordID(word.utf8), true) }
        return table
    }()
    static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3
    static let wordTag: UInt64 = 3 << 62

    /// Full-width ASCII, half-width katakana and punctuation, and the ideographic space, as NFKC
    /// maps them (the voiced marks that follow half-width kana are composed before, by
    /// `CompatibilityNormalizer`).
    static func normalise(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)!
        case 0x3000: return " "
        case 0xFF61...0xFF9D: return Unicode.Scalar(halfWidthKatakana[Int(value - 0xFF61)])!
        default: return scalar
        }
    }

    /// Hiragana to katakana, so a reader may type either.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x3041...0x3096).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x60)! : scalar
    }

    /// An identifier longer than this is a URL or data, not something a reader types.
    static let longestCompound = 64

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isJoiner(_ byte: UInt8) -> Bool { byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        // Accented Latin, Greek and Cyrillic letters are words too.
        return (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7
            || (0x370...0x4FF).contains(value)
    }

    /// Kana (but the middle dot ・) and the CJK ideographs: what `normalise` leaves as it is and
    /// `take` makes bigrams of, decided without the checks `take` makes of any character.
    static func isKanaOrKanji(_ value: UInt32) -> Bool {
        (0x3041...0x30FF).contains(value) && value != 0x30FB || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
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
        let bytes = Array(word.utf8)
        let (keep, add) = bytes.withUnsafeBufferPointer { stem(bytes: $0, isASCII: bytes.allSatisfy { $0 < 0x80 }) }
        if keep == bytes.count && add == nil { return word }
        return String(decoding: bytes[..<keep] + (add.map { [$0] } ?? []), as: UTF8.self)
    }

    /// The same on a word's bytes, as how many of them the stem keeps and the letter it adds
    /// (the `y` of "categories", the `e` of "updates"), so the tokenizer makes no string for a
    /// word it has seen before.
    static func stem(bytes word: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> (keep: Int, add: UInt8?) {
        let count = word.count
        guard count > 4, isASCII else { return (count, nil) }
        func endsWith(_ suffix: StaticString, before cut: Int = 0) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count - cut >= length else { return false }
            return suffix.withUTF8Buffer { suffix in (0..<length).allSatisfy { word[count - cut - length + $0] == suffix[$0] } }
        }
        func cut(_ length: Int) -> (keep: Int, add: UInt8?) { count - length >= 3 ? (count - length, nil) : (count, nil) }
        if endsWith("ing") { return cut(3) }
        if endsWith("ies") { return (count - 3, 0x79) }
        if endsWith("ed") { return cut(2) }
        if endsWith("es") {
            let keepsE = endsWith("s", before: 2) || endsWith("x", before: 2) || endsWith("ch", before: 2) || endsWith("sh", before: 2)
            return keepsE ? cut(2) : (count - 2, 0x65)
        }
        if endsWith("s") { return endsWith("ss") || endsWith("us") || endsWith("is") ? (count, nil) : cut(1) }
        return (count, nil)
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "has", "have", "how",
        "if", "in", "is", "it", "its", "not", "of", "on", "or", "so", "that", "the", "then", "this", "to",
        "was", "we", "what", "when", "which", "will", "with", "you", "your",
    ]

    /// U+FF61…U+FF9D in order, as full-width punctuation and katakana.
    static let halfWidthKatakana: [UInt32] = Array(
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
            .unicodeScalars.map(\.value))
}

/// Where `TextTokenizer.scan` is in its text.
private struct Scan<Sink: TermSink>: ~Copyable {
    let sink: UnsafeMutablePointer<Sink>
    let dropsFunctionWords: Bool
    var word = ScratchBytes()
    var wordIsASCII = true
    /// Where the current ASCII word's camelCase parts begin, and whether a part began at the
    /// end of a run of capitals (the `E` of `HTMLElement`).
    var wordParts: [(start: Int, afterCapitals: Bool)] = []
    var previousCase: UInt8 = 0  // 0 none or digit, 1 lower, 2 upper
    var capitals = 0
    /// The identifier so far (`import.meta`): its joiners, and each of its words when it ends.
    var compound = ScratchBytes()
    var compoundIsValid = true
    var compoundHasJoiner = false
    var previousWide: Unicode.Scalar?
    var previousWasHiragana = false
    var wideRunLength = 0
    var inCode = false

    init(sink: UnsafeMutablePointer<Sink>, dropsFunctionWords: Bool) {
        self.sink = sink
        self.dropsFunctionWords = dropsFunctionWords
    }

    mutating func take(_ raw: Unicode.Scalar) {
        let value = raw.value
        if value < 0x80 {
            if !inCode { ascii(value) }
            return
        }
        if value == TextTokenizer.codeStart.value || value == TextTokenizer.codeEnd.value {
            endWord()
            endCompound()
            endWideRun()
            inCode = value == TextTokenizer.codeStart.value
            return
        }
        if inCode { return }
        let scalar = TextTokenizer.normalise(raw)
        if scalar.value < 0x80 {
            ascii(scalar.value)
        } else if TextTokenizer.isWordCharacter(scalar) {
            endWideRun()
            // Accented letters belong to words but not to identifiers.
            compoundIsValid = false
            wordParts.removeAll(keepingCapacity: true)
            let lower = TextTokenizer.lowercase(scalar)
            if lower.value >= 0x80 { wordIsASCII = false }
            if TextTokenizer.isWordCharacter(lower) {
                UTF8.encode(lower) { word.append($0) }
            } else {
                endWord()
            }
            previousCase = 0
            capitals = 0
        } else if scalar.isWideScript && !TextTokenizer.isCJKPunctuation(scalar) {
            wide(scalar)
        } else {
            endWord()
            endCompound()
            endWideRun()
        }
    }

    /// A character of wide script that is not punctuation: the second of a bigram, or the first.
    mutating func wide(_ scalar: Unicode.Scalar) {
        endWord()
        endCompound()
        let isHiragana = (0x3041...0x309F).contains(scalar.value)
        if let previous = previousWide, !(dropsFunctionWords && isHiragana && previousWasHiragana) {
            sink.pointee.bigram(TextTokenizer.fold(previous), TextTokenizer.fold(scalar), isFunction: isHiragana && previousWasHiragana)
        }
        previousWide = scalar
        previousWasHiragana = isHiragana
        wideRunLength += 1
    }

    mutating func endWord() {
        guard !word.isEmpty else { return }
        // An identifier's words are copied into it only once a joiner shows there is one:
        // copied a letter at a time, every word of every text paid for it.
        let bytes = word.bytes
        if compoundHasJoiner { compound.append(bytes) }
        sink.pointee.word(bytes, isASCII: wordIsASCII)
        if !wordParts.isEmpty {
            // A plural after capitals (`APIs`, `URLs`) is not a part of its own.
            let starts = [0] + wordParts.filter { !$0.afterCapitals || bytes.count - $0.start >= 3 }.map(\.start)
            if starts.count > 1 {
                for (start, end) in zip(starts, starts.dropFirst() + [bytes.count]) {
                    sink.pointee.word(UnsafeBufferPointer(rebasing: bytes[start..<end]), isASCII: true)
                }
            }
            wordParts.removeAll(keepingCapacity: true)
        }
        word.removeAll()
        wordIsASCII = true
        previousCase = 0
        capitals = 0
    }

    mutating func endCompound() {
        guard !compound.isEmpty else {
            compoundIsValid = true
            compoundHasJoiner = false
            return
        }
        // A full stop ends a sentence, not an identifier; nor do a trailing - or _.
        while let last = compound.last, last == 0x2E || last == 0x2D || last == 0x5F { compound.removeLast() }
        let bytes = compound.bytes
        if compoundIsValid && compoundHasJoiner && bytes.count <= TextTokenizer.longestCompound
            && bytes.contains(where: { TextTokenizer.isASCIIAlphanumeric($0) }) && bytes.contains(where: { TextTokenizer.isJoiner($0) }) {
            sink.pointee.word(bytes, isASCII: true)
        }
        compound.removeAll()
        compoundIsValid = true
        compoundHasJoiner = false
    }

    mutating func endWideRun() {
        if wideRunLength == 1, let single = previousWide, !(dropsFunctionWords && previousWasHiragana) {
            sink.pointee.single(TextTokenizer.fold(single), isFunction: previousWasHiragana)
        }
        previousWide = nil
        wideRunLength = 0
    }

    /// Lower-case letters, as `ascii` takes each of them.
    mutating func lowercase(_ letters: UnsafeBufferPointer<UInt8>) {
        endWideRun()
        if capitals >= 2 { wordParts.append((word.count - 1, true)) }
        word.append(letters)
        previousCase = 1
        capitals = 0
    }

    mutating func ascii(_ value: UInt32) {
        switch value {
        case 0x41...0x5A:
            endWideRun()
            // An upper-case letter after a lower-case one, or the last of a run of capitals
            // before a lower-case letter (HTMLElement), starts a part.
            if previousCase == 1 { wordParts.append((word.count, false)) }
            word.append(UInt8(value + 0x20))
            previousCase = 2
            capitals += 1
        case 0x61...0x7A:
            endWideRun()
            if capitals >= 2 { wordParts.append((word.count - 1, true)) }
            word.append(UInt8(value))
            previousCase = 1
            capitals = 0
        case 0x30...0x39:
            endWideRun()
            word.append(UInt8(value))
            previousCase = 0
            capitals = 0
        case 0x2D, 0x5F, 0x2E, 0x2F:
            compoundHasJoiner = true
            endWord()
            endWideRun()
            compound.append(UInt8(value))
        default:
            endWord()
            endCompound()
            endWideRun()
        }
    }
}
