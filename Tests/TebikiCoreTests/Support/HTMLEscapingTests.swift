import Testing
@testable import TebikiCore

@Suite("Escaping")
struct HTMLEscapingTests {
    @Test func escapesTheFiveHTMLCharacters() {
        #expect(HTMLEscaping.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("ログイン") == "ログイン")
    }

    @Test func urlsArePercentEncodedForAttributes() {
        #expect(HTMLEscaping.escapeURL("../手順/#見出し") == "../%E6%89%8B%E9%A0%86/#%E8%A6%8B%E5%87%BA%E3%81%97")
        #expect(HTMLEscaping.escapeURL(#"/a b"<'&"#) == "/a%20b%22%3C%27&amp;")
        // Existing escapes are kept as they are.
        #expect(HTMLEscaping.escapeURL("a%20b") == "a%20b")
    }
}
