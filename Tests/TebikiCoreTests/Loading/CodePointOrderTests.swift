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
    }
}
