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

    /// Each place, in order, searching on from just past the last: the theme's words are
    /// folded into templates this way.
    @Test func findsEveryPlaceFromAGivenStart() {
        var text = "{{a}} ログ{{{b}}} {{"
        let places = text.withUTF8 { bytes in
            var places: [Int] = []
            var start = 0
            while let at = ByteSearch.firstIndex(of: "{{", in: bytes, from: start) {
                places.append(at)
                start = at + 1
            }
            return places
        }
        #expect(places == [0, 12, 13, 20])
        #expect(text.withUTF8 { ByteSearch.firstIndex(of: "}}", in: $0, from: 16) } == 16)
        #expect(text.withUTF8 { ByteSearch.firstIndex(of: "}}", in: $0, from: 18) } == nil)
    }

    /// Every place, including side by side and at both ends, as Foundation's replacement does;
    /// a text without the needle comes back as it was.
    @Test(arguments: [
        ("/*d*/null", "{\"a\":1}"), ("x/*d*/nully", "ログ"), ("/*d*/null/*d*/null", "[]"),
        ("ログ /*d*/null ログ /*d*/null", "\u{1F600}"), ("no marker here", "x"), ("/*d*/nul", "x"), ("", "x"),
    ])
    func replacesEveryPlace(text: String, replacement: String) {
        #expect(ByteSearch.replacing("/*d*/null", in: text, with: replacement)
                    == text.replacingOccurrences(of: "/*d*/null", with: replacement))
    }

    /// A byte's place as an index of the text, in a slice that starts past non-ASCII text too.
    @Test func findsAByteAsAnIndexOfTheText() {
        let text = "ログ/guide/a.md#手順?x"
        let slice = text[text.index(text.startIndex, offsetBy: 3)...]
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: slice).map { String(text[$0...]) } == "#手順?x")
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "?"), in: text[...]).map { String(text[..<$0]) } == "ログ/guide/a.md#手順")
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "!"), in: slice) == nil)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: ""[...]) == nil)
        #expect(ByteSearch.isASCII("guide/a.md") && ByteSearch.isASCII("") && !ByteSearch.isASCII("ガイド/a.md"))
    }

    /// A byte's last place, as the standard library's search of the UTF-8 finds it: after
    /// non-ASCII text, at either end, and absent.
    @Test(arguments: ["ガイド/設定/a", "guide/a", "/a", "a/", "a", "", "ログ", "a//b"])
    func findsTheLastPlaceOfAByte(text: String) {
        #expect(ByteSearch.lastIndex(of: UInt8(ascii: "/"), in: text) == text.utf8.lastIndex(of: UInt8(ascii: "/")))
    }

    /// A byte searched for between two offsets: found at either end of the range, never past it.
    @Test func aByteIsFoundOnlyWithinItsRange() {
        Array("a[b\nc[".utf8).withUnsafeBufferPointer { bytes in
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes, from: 0) == 1)
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes, from: 1, to: 2) == 1)
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes, from: 2, to: 4) == nil)
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes, from: 2) == 5)
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "["), in: bytes, from: 6) == nil)
            #expect(ByteSearch.firstIndex(of: UInt8(ascii: "a"), in: bytes, from: 3, to: 3) == nil)
        }
        #expect(ByteSearch.firstIndex(of: 0x0A, in: UnsafeBufferPointer(start: nil, count: 0), from: 0) == nil)
    }
}
