import Testing
@testable import TebikiCore

/// The copy's link rewriting, which skips lines without a bracket whole: links inline, in angle
/// brackets, as reference definitions, across lines and after long runs of text; fenced code
/// left alone; a link with no URL becoming its text.
@Suite("Markdown copy links")
struct MarkdownCopyTests {
    static let urls = ["x.md": "https://h.example/x/", "y z.md": "../y/", "gone.md": ""]

    @Test(arguments: [
        ("See [a](x.md) and [b](<y z.md>).", "See [a](https://h.example/x/) and [b](<../y/>)."),
        ("[one\ntwo\nthree](x.md)", "[one\ntwo\nthree](https://h.example/x/)"),
        ("```\n[a](x.md)\n```\n[a](x.md)\n", "```\n[a](x.md)\n```\n[a](https://h.example/x/)\n"),
        ("   ~~~md\n[a](x.md)\n   ~~~\n", "   ~~~md\n[a](x.md)\n   ~~~\n"),
        ("[a]: x.md\n[b]: other.md\n", "[a]: https://h.example/x/\n[b]: other.md\n"),
        ("Go [here](gone.md) now, ![pic](gone.md)!", "Go here now, pic!"),
        ("[a [b] c](x.md) ]] [[", "[a [b] c](https://h.example/x/) ]] [["),
        (String(repeating: "ログ text ", count: 40) + "[a](x.md)\n" + String(repeating: "z", count: 300),
         String(repeating: "ログ text ", count: 40) + "[a](https://h.example/x/)\n" + String(repeating: "z", count: 300)),
        ("no links\nat all\n", "no links\nat all\n"),
        ("[first](gone.md) x", "first x"),
    ])
    func rewrites(markdown: String, expected: String) {
        // Appended after what is already there, which a link that becomes text leaves alone.
        var out = Array("!".utf8)
        MarkdownCopy.rewriteLinks(in: markdown[...], Self.urls, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "!" + expected)
    }
}
