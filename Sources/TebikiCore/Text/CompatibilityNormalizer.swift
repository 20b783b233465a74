import Foundation

/// NFKC for search, where it can change anything. Foundation's NFKC runs at about 20 MB/s, so
/// the scalars the tokenizer maps itself (full-width ASCII, half-width katakana, the ideographic
/// space) or that NFKC leaves alone (kana, kanji, ASCII) are never handed to it; only runs that
/// hold something else, such as a voiced mark to compose (`ｶﾞ`, `か` + U+3099) or a
/// compatibility character (`㈱`, `①`), go through Foundation, each with the scalar before it,
/// which a mark may compose with.
enum CompatibilityNormalizer {
    /// Whether `text` holds anything `normalize` would change beyond what the tokenizer maps.
    /// Read on the UTF-8 bytes, ASCII skipped eight bytes at a time: every text the tokenizer
    /// scans is checked first, and most of it is ASCII or kana and kanji.
    static func needsNormalizing(_ text: String) -> Bool {
        text.withContiguousUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    // Past an ASCII byte, eight at a time while they are all ASCII: only there,
                    // as in Japanese text the test failed at nearly every character.
                    index += 1
                    while index + 8 <= bytes.count,
                          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                    }
                    continue
                }
                // U+5000…U+9FFF, most kanji, are stable whatever their other bytes.
                if lead >= 0xE5 && lead <= 0xE9 {
                    index += 3
                    continue
                }
                // Kana, decoded without the general loop below.
                if lead == 0xE3 {
                    let value = 0x3000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    if !isStable(Unicode.Scalar(value)!) { return true }
                    index += 3
                    continue
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: index)
                if !isStable(Unicode.Scalar(value)!) { return true }
                index += length
            }
            return false
        }
    }

    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        func flush() {
            // Composed again: Foundation on Linux leaves the marks of half-width forms (ﾎﾟ) apart.
            let nfkc = String(run).precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
            out.append(contentsOf: nfkc.unicodeScalars)
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isStable(scalar) {
                if !run.isEmpty { flush() } else if let last { out.append(last) }
                last = scalar
            } else {
                if run.isEmpty, let previous = last { run.append(previous) }
                last = nil
                run.append(scalar)
            }
        }
        if !run.isEmpty { flush() } else if let last { out.append(last) }
        return String(out)
    }
}

extension CompatibilityNormalizer {
    /// A scalar NFKC leaves as it is (or maps the way `TextTokenizer.normalise` does) and that
    /// never composes with the scalar before it.
    static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0x3000...0x3035, 0x3041...0x3096, 0x309D...0x309E, 0x30A1...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E, 0xFF61...0xFF9D:
            return true
        case 0x1161...0x1175, 0x11A8...0x11C2:
            return false  // Hangul vowels and final consonants compose with the jamo before them
        default:
            let properties = scalar.properties
            return !properties.changesWhenNFKCCaseFolded && properties.canonicalCombiningClass == .notReordered
        }
    }
}
