/// What a title (or a section's heading) is matched on when a query is the title itself:
/// folded as terms are (NFKC, lower case, hiragana as katakana), without a parenthesised alias
/// and without spaces and punctuation, so サーバーサイドレンダリング and ssr both name
/// 「サーバーサイドレンダリング（SSR）」.
/// The index keeps each key as a term of its own (`=` and the key, which no text's terms can
/// be), and `search.js` makes the same key of a query: the same rules, in the shared table.
enum SearchTitleKey {
    /// The title without its parenthesised parts, then each of those parts. One pass on UTF-8
    /// bytes: every heading of every article has its keys.
    static func keys(of title: String) -> [String] { keys(of: title, mark: nil) }

    /// The terms the index keeps a title's keys under (`=` and the key)…
    static func titleTerms(of title: String) -> [String] { keys(of: title, mark: 0x3D) }
    /// …and a heading's (`#` and the key), each posting naming the heading's section.
    static func headingTerms(of heading: String) -> [String] { keys(of: heading, mark: 0x23) }

    /// The keys of an article's title and of its sections' headings, with the section each names.
    static func terms(title: String, sections: [TextSection]) -> [(term: String, section: Int16)] {
        var keys = titleTerms(of: title).map { (term: $0, section: Int16(0)) }
        // Seen by term id, as the index names the terms: a Set of the Strings hashed each one
        // with SipHash, after normalising it.
        var seen = TermTable<Bool>(capacity: 16)
        for key in keys { _ = seen.insert(TextTokenizer.Term.word(key.term).stableID, true) }
        for (index, section) in sections.enumerated() where !section.heading.isEmpty {
            // The first section with a heading is the one a reader is sent to.
            for term in headingTerms(of: section.heading) where seen.insert(TextTokenizer.Term.word(term).stableID, true) {
                keys.append((term, Int16(clamping: index)))
            }
        }
        return keys
    }
}

private extension SearchTitleKey {
    /// The keys, each after `mark` when there is one.
    static func keys(of title: String, mark: UInt8?) -> [String] {
        var keys = Keys(mark: mark)
        var normalised = CompatibilityNormalizer.needsNormalizing(title) ? CompatibilityNormalizer.normalize(title) : title
        // On the UTF-8, ASCII and kana and kanji (most of any heading) taken from their bytes:
        // read as scalars, each was normalised, folded and tested for case on its own.
        normalised.withUTF8 { bytes in
            keys.base.reserveCapacity(bytes.count + 1)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    keys.take(ascii: byte)
                    continue
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: index)
                index += length
                if TextTokenizer.isKanaOrKanji(value) {
                    // Nothing normalises them, they have no case and are kept: only hiragana
                    // folds, within the same three bytes.
                    let folded = TextTokenizer.fold(Unicode.Scalar(value)!).value
                    keys.keep(0xE0 | UInt8(folded >> 12), 0x80 | UInt8(folded >> 6 & 0x3F), 0x80 | UInt8(folded & 0x3F))
                } else {
                    keys.take(folded(Unicode.Scalar(value)!))
                }
            }
        }
        return keys.strings
    }

    /// A scalar folded as terms are (the text already NFKC): hiragana as katakana, lower case.
    static func folded(_ raw: Unicode.Scalar) -> Unicode.Scalar {
        let scalar = TextTokenizer.fold(TextTokenizer.normalise(raw))
        // Kana and kanji have no case: skip the lookup, which makes a string.
        return scalar.isWideScript ? scalar : TextTokenizer.lowercase(scalar)
    }

    /// Letters, digits and CJK characters are kept; spaces and punctuation are not.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        TextTokenizer.isWordCharacter(scalar) || (scalar.isWideScript && !TextTokenizer.isCJKPunctuation(scalar))
    }

    /// The keys of one title as its scalars come: the text outside parentheses, and each
    /// parenthesised part.
    struct Keys {
        let start: [UInt8]
        var base: [UInt8]
        var aliases: [[UInt8]] = []
        var alias: [UInt8]
        var depth = 0

        init(mark: UInt8?) {
            start = mark.map { [$0] } ?? []
            (base, alias) = (start, start)
        }

        /// The same as `take` for an ASCII byte, which nothing normalises or folds.
        mutating func take(ascii byte: UInt8) {
            switch byte {
            case 0x28: depth += 1
            case 0x29 where depth > 0: close()
            case 0x30...0x39, 0x61...0x7A: keep(byte)
            case 0x41...0x5A: keep(byte + 0x20)
            default: break
            }
        }

        mutating func take(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "(": depth += 1
            case ")" where depth > 0: close()
            default:
                guard isKept(scalar) else { return }
                keep(scalar)
            }
        }

        mutating func keep(_ scalar: Unicode.Scalar) {
            if depth > 0 { alias.append(utf8: scalar) } else { base.append(utf8: scalar) }
        }

        mutating func keep(_ byte: UInt8) {
            if depth > 0 { alias.append(byte) } else { base.append(byte) }
        }

        /// A kana's or kanji's three bytes.
        mutating func keep(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
            if depth > 0 {
                alias.append(first)
                alias.append(second)
                alias.append(third)
            } else {
                base.append(first)
                base.append(second)
                base.append(third)
            }
        }

        mutating func close() {
            depth -= 1
            if depth == 0 {
                aliases.append(alias)
                alias = start
            }
        }

        var strings: [String] {
            var keys: [String] = []
            if base.count > start.count { keys.append(String(decoding: base, as: UTF8.self)) }
            for bytes in aliases where bytes.count > start.count {
                let key = String(decoding: bytes, as: UTF8.self)
                if !keys.contains(key) { keys.append(key) }
            }
            return keys
        }
    }
}
