import Testing
@testable import TebikiCore

@Suite("Byte search")
struct ByteSearchTests {
    /// At the start, at the end, overlapping a false start, cut off by the end, in text that is
    /// not ASCII, and absent.
    @Test(arguments: [
        ("<!--@include: a.md-->", "<!--@include:", true), ("x\n<!--@include:", "<!--@include:", true),
        ("<!--@includ", "<!--@include:", false), ("<<!--@include:", "<!--@include:", true),
        ("ログイン{{", "{{", true), ("{ {", "{{", false), ("{", "{{", false), ("", "{{", false),
        ("https://example.com", "://", true), ("WWW.x", "www.", false), ("ab", "abc", false), ("abc", "", true),
    ])
    func findsTheNeedleWhereverItIs(text: String, needle: StaticString, found: Bool) {
        #expect(ByteSearch.text(text, contains: needle) == found)
        let needle = needle.description
        // The same as the standard library's search, which reads Characters.
        #expect(needle.isEmpty || text.utf8.count < needle.utf8.count
                    || text.utf8.indices.contains { text.utf8[$0...].starts(with: needle.utf8) } == found)
    }
}
