import Foundation

extension String {
    /// Canonical composition (NFC), so a name typed on macOS (which stores decomposed kana)
    /// matches the same name typed elsewhere. ASCII, the common case, skips Foundation.
    var nfc: String {
        ByteSearch.isASCII(self) ? self : precomposedStringWithCanonicalMapping
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        // Most text needs no trimming, which is settled without making Characters: Swift tests
        // a Character for whitespace by its first scalar, which at the start is the text's
        // first; at the end, a last scalar that is ASCII or kana or kanji starts a Character
        // of its own (or ends one begun by a non-space), so it settles the end too.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.properties.isWhitespace,
           Self.endsCharacterWithoutSpace(last) {
            return self[...]
        }
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }

    /// An ASCII character other than tab, line feed, vertical tab, form feed, carriage return
    /// and space, or kana or a kanji.
    static func endsCharacterWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: false
        case 0..<0x80: true
        default: scalar.isKanaOrKanjiLetter
        }
    }
}

extension Unicode.Scalar {
    /// Hiragana, katakana (with the long-vowel mark ー) and the common kanji: each a Character
    /// of its own and a letter, so text made of them and ASCII can be read scalar by scalar.
    /// The combining voiced marks (U+3099, U+309A) and the middle dot ・ are not among them.
    var isKanaOrKanjiLetter: Bool {
        switch value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: true
        default: false
        }
    }
}
