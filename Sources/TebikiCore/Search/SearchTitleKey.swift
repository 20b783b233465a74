/// What a title (or a section's heading) is matched on when a query is the title itself: folded as terms are (NFKC,
/// lower case, hiragana as katakana), without a parenthesised alias and without spaces and
/// punctuation, so サーバーサイドレンダリング and ssr both name 「サーバーサイドレンダリング（SSR）」.
/// The index keeps each key as a term of its own (`=` and the key, which no text's terms can
/// be), and `search.js` makes the same key of a query: the same rules, in the shared table.
enum SearchTitleKey {
    /// The title without its parenthesised parts, then each of those parts.
    static func keys(of title: String) -> [String] {
        let folded = fold(title)
        var base = "", aliases: [String] = [], alias = "", depth = 0
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "(": depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth == 0 { aliases.append(alias); alias = "" }
            default: if depth > 0 { alias.unicodeScalars.append(scalar) } else { base.unicodeScalars.append(scalar) }
            }
        }
        var keys: [String] = []
        for key in ([base] + aliases).map(strip) where !key.isEmpty && !keys.contains(key) { keys.append(key) }
        return keys
    }

    /// The key of a query: all of it, folded and stripped.
    static func key(ofQuery query: String) -> String { strip(fold(query)) }

    /// The term a title's key is kept under in the index.
    static func term(_ key: String) -> String { "=" + key }
    /// The term a section heading's key is kept under, its posting naming the section.
    static func headingTerm(_ key: String) -> String { "#" + key }
}

private extension SearchTitleKey {
    static func fold(_ text: String) -> String {
        let normalised = CompatibilityNormalizer.needsNormalizing(text) ? CompatibilityNormalizer.normalize(text) : text
        return String(String.UnicodeScalarView(normalised.unicodeScalars.map {
            TextTokenizer.lowercase(TextTokenizer.fold(TextTokenizer.normalise($0)))
        }))
    }

    /// Letters, digits and CJK characters only.
    static func strip(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            TextTokenizer.isWordCharacter($0) || ($0.isWideScript && !TextTokenizer.isCJKPunctuation($0))
        }))
    }
}
