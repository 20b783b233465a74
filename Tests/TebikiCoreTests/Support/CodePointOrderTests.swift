import Testing
@testable import TebikiCore

/// The order titles and folder entries are sorted in, held to the byte order of their UTF-8:
/// prefixes, empty texts, equal texts, and bytes above ASCII against ASCII.
@Suite("Code point order")
struct CodePointOrderTests {
    @Test(arguments: [
        ("a", "b"), ("b", "a"), ("ab", "abc"), ("abc", "ab"), ("", "a"), ("a", ""), ("", ""), ("same", "same"),
        ("ログイン", "ログアウト"), ("Z", "ä"), ("ä", "Z"), ("設定", "設定2"), ("a-b", "a_b"), ("10", "9"),
    ])
    func ordersAsTheUTF8Bytes(a: String, b: String) {
        #expect(precedes(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)))
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        let expected: CodePointComparison = x.lexicographicallyPrecedes(y) ? .less : x == y ? .equal : .greater
        #expect(codePointOrder(a, b) == expected)
    }

    /// Equal weights fall back to the title, then to the id; canonically equal titles in
    /// different forms (é as one code point or as e and an accent) are told apart by their bytes.
    @Test func weightsThenTitlesThenIDs() {
        #expect(precedes((1, "b", "x"), (2, "a", "x")))
        #expect(precedes((1, "z", "x"), (nil, "a", "x")))
        #expect(precedes((nil, "a", "y"), (nil, "b", "x")))
        #expect(precedes((nil, "a", "x"), (nil, "a", "y")))
        #expect(!precedes((nil, "a", "x"), (nil, "a", "x")))
        #expect(precedes((nil, "e\u{301}", "b"), (nil, "\u{E9}", "a")))
    }
}
