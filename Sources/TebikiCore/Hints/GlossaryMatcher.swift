/// The site's glossary as the Markdown renderer uses it: finds the first use of any of its terms
/// in a text in one pass over the text, however many terms there are, because it runs over
/// every text of every article.
struct GlossaryMatcher: Sendable {
    struct Term: Sendable {
        var term: String
        var definition: String
        var articleID: String?
        /// The site-relative page of the term's article (`login/signin/`).
        var urlPath: String?
    }

    let terms: [Term]
    /// What matching reads of each term, apart from `terms` so matching copies no term: its
    /// characters (ASCII letters lower-cased when Latin), and whether it is Latin (whole words,
    /// ignoring case) or not (anywhere, as written).
    private let scalars: [[UInt32]]
    private let isLatin: [Bool]
    /// The link's text, in the site's language.
    let moreText: String
    /// Terms by their first character (ASCII letters lower-cased), longest first: `groups`
    /// holds the lists; `groupOf` says which list a character of the Basic Multilingual Plane
    /// starts (0: none), so most characters of a text are ruled out by one array read;
    /// `astralGroups` covers the rest.
    private let groups: [[Int]]
    private let groupOf: [UInt16]
    private let astralGroups: [UInt32: Int]

    init(_ entries: [(entry: GlossaryEntry, urlPath: String?)], moreText: String) {
        terms = entries.map { entry, urlPath in
            Term(term: entry.term, definition: entry.definition, articleID: entry.article?.value, urlPath: urlPath)
        }
        let isLatin = entries.map { $0.entry.term.unicodeScalars.allSatisfy(\.isASCII) }
        let scalars = entries.enumerated().map { index, entry in
            entry.entry.term.unicodeScalars.map { isLatin[index] ? Self.fold($0.value) : $0.value }
        }
        self.isLatin = isLatin
        self.scalars = scalars
        self.moreText = moreText
        var byFirst: [UInt32: [Int]] = [:]
        for (index, characters) in scalars.enumerated() {
            if let first = characters.first { byFirst[first, default: []].append(index) }
        }
        var groups: [[Int]] = [[]]
        var groupOf = [UInt16](repeating: 0, count: 0x1_0000)
        var astralGroups: [UInt32: Int] = [:]
        for (first, members) in byFirst.sorted(by: { $0.key < $1.key }) {
            if first < 0x1_0000 { groupOf[Int(first)] = UInt16(groups.count) } else { astralGroups[first] = groups.count }
            groups.append(members.sorted { scalars[$0].count > scalars[$1].count })
        }
        self.groups = groups
        self.groupOf = groupOf
        self.astralGroups = astralGroups
    }

    var isEmpty: Bool { terms.isEmpty }

    /// The earliest use in `text` of a term not marked `used`, the longest one where several start there.
    func firstUse(in text: Substring, skipping used: [Bool]) -> (term: Int, range: Range<String.Index>)? {
        let characters = text.unicodeScalars
        var previous: Unicode.Scalar?
        var index = characters.startIndex
        while index < characters.endIndex {
            let scalar = characters[index]
            let key = Self.fold(scalar.value)
            let group = key < 0x1_0000 ? Int(groupOf[Int(key)]) : astralGroups[key] ?? 0
            if group != 0 {
                for candidate in groups[group] where !used[candidate] {
                    if let end = match(candidate, in: characters, at: index, after: previous) {
                        return (candidate, index..<end)
                    }
                }
            }
            previous = scalar
            index = characters.index(after: index)
        }
        return nil
    }
}

private extension GlossaryMatcher {
    static func fold(_ value: UInt32) -> UInt32 {
        (0x41...0x5A).contains(value) ? value + 0x20 : value
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Where `term` ends if it starts at `start`.
    func match(_ term: Int, in text: Substring.UnicodeScalarView, at start: String.Index,
               after previous: Unicode.Scalar?) -> String.Index? {
        let latin = isLatin[term]
        if latin && Self.isWordCharacter(previous) { return nil }
        var index = start
        for expected in scalars[term] {
            guard index < text.endIndex else { return nil }
            let value = text[index].value
            guard (latin ? Self.fold(value) : value) == expected else { return nil }
            index = text.index(after: index)
        }
        if latin && index < text.endIndex && Self.isWordCharacter(text[index]) { return nil }
        return index
    }
}
