import Testing
@testable import TebikiCore

@Suite("Escaping")
struct HTMLEscapingTests {
    @Test func escapesTheFiveHTMLCharacters() {
        #expect(HTMLEscaping.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("ログイン") == "ログイン")
    }

    /// Pages append escaped text to their bytes; it must be the same text the String form gives.
    @Test func escapingIntoBytesAppendsWhatTheStringFormReturns() {
        var out = Array("<p>".utf8)
        let texts = ["", "&", "plain", "ログイン & <設定>", #"'"'"#, "end>", "<start", String(repeating: "a&b", count: 300)]
        for text in texts { HTMLEscaping.escape(text, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "<p>" + texts.map(HTMLEscaping.escape).joined())
    }

    /// The text is read sixteen bytes at a time: each of the five characters, alone or two
    /// together, at every place around the sixteen-byte edges, in ASCII and in kana, gives what
    /// a character-by-character replacement gives.
    @Test func everyCharacterIsEscapedWhereverItFallsInTheText() {
        func reference(_ text: String) -> String {
            text.map { character in
                switch character {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "\"": "&quot;"
                case "'": "&#39;"
                default: String(character)
                }
            }.joined()
        }
        for filler in ["a", "ロ"] {
            for length in 0...40 {
                let plain = String(repeating: filler, count: length)
                #expect(HTMLEscaping.escape(plain) == plain)
                for special in ["&", "<", ">", "\"", "'"] {
                    for place in 0...length {
                        let text = String(repeating: filler, count: place) + special + String(repeating: filler, count: length - place)
                        #expect(HTMLEscaping.escape(text) == reference(text))
                        let twice = text + String(repeating: filler, count: place % 17) + special
                        var out: [UInt8] = []
                        HTMLEscaping.escape(twice, into: &out)
                        #expect(String(decoding: out, as: UTF8.self) == reference(twice))
                    }
                }
            }
        }
    }

    @Test func urlsAppendedAsBytesAreTheStringForm() {
        for url in ["", "login/", "../手順/#見出し", #"/a b"<'&"#, "a%20b", String(repeating: "x&", count: 40)] {
            var out: [UInt8] = []
            HTMLEscaping.escapeURL(url, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == HTMLEscaping.escapeURL(url))
        }
    }

    @Test func urlsArePercentEncodedForAttributes() {
        #expect(HTMLEscaping.escapeURL("../手順/#見出し") == "../%E6%89%8B%E9%A0%86/#%E8%A6%8B%E5%87%BA%E3%81%97")
        #expect(HTMLEscaping.escapeURL(#"/a b"<'&"#) == "/a%20b%22%3C%27&amp;")
        // Existing escapes are kept as they are.
        #expect(HTMLEscaping.escapeURL("a%20b") == "a%20b")
    }

    @Test func textsThatStartOrEndWithAnEntityAndTextsWithNoneAreEscapedWhole() {
        #expect(HTMLEscaping.escape("&") == "&amp;")
        #expect(HTMLEscaping.escape("<b>") == "&lt;b&gt;")
        #expect(HTMLEscaping.escape("a&&b") == "a&amp;&amp;b")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("ログイン & 設定") == "ログイン &amp; 設定")
    }

    @Test func pathsArePercentEncodedWithTheAmpersandToo() {
        #expect(HTMLEscaping.percentEncode("login/sign-in/") == "login/sign-in/")
        #expect(HTMLEscaping.percentEncode("a&b c/手") == "a%26b%20c/%E6%89%8B")
        #expect(HTMLEscaping.percentEncode("&") == "%26")
        #expect(HTMLEscaping.escapeURL("&") == "&amp;")
        #expect(HTMLEscaping.escapeURL("login/sign-in/#top") == "login/sign-in/#top")
    }
}
