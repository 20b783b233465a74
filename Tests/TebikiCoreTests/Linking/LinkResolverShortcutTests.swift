import Testing
@testable import TebikiCore

@Suite("Link resolver shortcuts")
struct LinkResolverShortcutTests {
    /// Texts made of the prefixes' and suffix's own characters with combining marks, a prepended
    /// mark (U+0600, which joins the character after it), kana and slashes, so the bytes and the
    /// Characters disagree wherever they can.
    static let texts: [String] = {
        let pieces = ["#", "/", ".", "m", "d", "\u{301}", "\u{600}", "ア", "a", "é", "e\u{301}"]
        var random = SeededRandom(seed: 5)
        // Half end in `.md`, so what comes before it is tried too.
        return (0..<3_000).map { number in
            (0..<random.next(below: 7)).map { _ in pieces[random.next(below: pieces.count)] }.joined() + (number.isMultiple(of: 2) ? ".md" : "")
        }
    }()

    @Test func prefixesAreCheckedAsCharactersAre() {
        for text in Self.texts {
            #expect(LinkResolver.starts(text, with: "#") == text.hasPrefix("#"), "\(text.unicodeScalars.map(\.value))")
            #expect(LinkResolver.starts(text, with: "//") == text.hasPrefix("//"), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func markdownSuffixesAreCutAsCharactersAre() {
        for text in Self.texts {
            #expect(LinkResolver.markdownID(text) == (text.hasSuffix(".md") ? String(text.dropLast(3)) : nil),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }
}
