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
        let start: [UInt8] = mark.map { [$0] } ?? []
        var base = start, aliases: [[UInt8]] = [], alias = start, depth = 0
        forEachFolded(title) { scalar in
            switch scalar {
            case "(": depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth == 0 { aliases.append(alias); alias = start }
            default:
                guard isKept(scalar) else { return }
                if depth > 0 { alias.append(utf8: scalar) } else { base.append(utf8: scalar) }
            }
        }
        var keys: [String] = []
        for bytes in [base] + aliases where bytes.count > start.count {
            let key = String(decoding: bytes, as: UTF8.self)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// Each scalar of the text folded as terms are: NFKC, hiragana as katakana, lower case.
    static func forEachFolded(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        let normalised = CompatibilityNormalizer.needsNormalizing(text) ? CompatibilityNormalizer.normalize(text) : text
        for raw in normalised.unicodeScalars {
            let scalar = TextTokenizer.fold(TextTokenizer.normalise(raw))
            // Kana and kanji have no case: skip the lookup, which makes a string.
            body(scalar.isWideScript ? scalar : TextTokenizer.lowercase(scalar))
        }
    }

    /// Letters, digits and CJK characters are kept; spaces and punctuation are not.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        TextTokenizer.isWordCharacter(scalar) || (scalar.isWideScript && !TextTokenizer.isCJKPunctuation(scalar))
    }
}
