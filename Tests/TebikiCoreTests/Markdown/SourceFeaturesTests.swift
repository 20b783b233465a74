import Testing
@testable import TebikiCore

/// The one-pass check that lets an article without tables, strikethrough, boxes or autolinks
/// skip their work: it must never miss one.
@Suite("What a text may hold")
struct SourceFeaturesTests {
    @Test func eachFeatureIsFoundWhereverItIs() {
        let plain = SourceFeatures("# 見出し\n\n本文です。コードは `x` です。\n")
        #expect(!plain.pipes && !plain.tildes && !plain.fences && !plain.autolinks)
        #expect(SourceFeatures("a | b").pipes)
        #expect(SourceFeatures("end ~~x~~").tildes)
        for text in ["see https://example.com", "www.example.com", "WWW.EXAMPLE.COM", "mail a@b.c", "x:/" + "/y"] {
            #expect(SourceFeatures(text).autolinks, "\(text)")
        }
        #expect(!SourceFeatures("ww.x and :/ and w w w.").autolinks)
        #expect(SourceFeatures("text\n::: tip\nx\n:::\n").fences)
        #expect(SourceFeatures(":::").fences)
        #expect(SourceFeatures("text\n  > ::: note\n").fences)
        #expect(!SourceFeatures("a ::: b\nc::: d\n").fences)
    }
}
