import Testing
@testable import TebikiCore

@Suite("Front matter splitting")
struct FrontMatterSplitTests {
    @Test func separatesYAMLAndBodyWithTheBodyLineOffset() {
        let split = FrontMatterSplit("---\ntitle: A\ntags: [x]\n---\n# Body\n")
        #expect(split.yaml == "title: A\ntags: [x]\n")
        #expect(split.body == "# Body\n")
        // Body line 1 is file line 5.
        #expect(split.bodyLineOffset == 4)
    }

    @Test func acceptsDotsAsClosingFenceAndTrailingSpaces() {
        let split = FrontMatterSplit("---  \ntitle: A\n...\nText")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Text")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func aFenceMayEndInCarriageReturnsAndTheTextAroundItKeepsItsCharacters() {
        // "\r\n" is one Character: a line ending "\r\r\n" was once missed as a fence.
        let split = FrontMatterSplit("---\r\r\ntitle: \"e\u{301}\"\n---\r\r\n\u{301}Body\n")
        #expect(split.yaml == "title: \"e\u{301}\"\n")
        #expect(split.body == "\u{301}Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func skipsAByteOrderMark() {
        let split = FrontMatterSplit("\u{FEFF}---\ntitle: A\n---\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.body.isEmpty)
    }

    @Test func fileWithoutFrontMatterIsAllBody() {
        let split = FrontMatterSplit("# Heading\n---\n")
        #expect(split.yaml == nil)
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unterminatedFrontMatterIsFlagged() {
        let split = FrontMatterSplit("---\ntitle: A\n\nBody")
        #expect(split.isUnterminated)
    }

    @Test func aThematicBreakInTheBodyIsNotAFence() {
        let split = FrontMatterSplit("---\ntitle: A\n---\nText\n\n---\n\nMore")
        #expect(split.body == "Text\n\n---\n\nMore")
    }
}

@Suite("A page's leading heading")
struct LeadingHeadingTests {
    @Test(arguments: [
        ("# Title\n\nText.\n", "Title", "\n\nText.\n"),
        ("<!-- note -->\n\n# ログイン {#login}\nText\n", "ログイン", "<!-- note -->\n\n\nText\n"),
        ("  # Indented a little ##\n", "Indented a little", "\n"),
        ("```\n# code\n```\n# Real\n", "Real", "```\n# code\n```\n\n"),
        ("~~~md\n# code\n~~~\n\n# After tildes\n", "After tildes", "~~~md\n# code\n~~~\n\n\n"),
        ("## Not level one\n# Level one\n", "Level one", "## Not level one\n\n"),
        ("# C# is a language\n", "C# is a language", "\n"),
    ])
    func findsTheFirstLevelOneHeading(body: String, title: String, rest: String) throws {
        let heading = try #require(LeadingHeading(body[...]))
        #expect(heading.title == title)
        #expect(heading.body == rest)
    }

    @Test(arguments: ["Text only\n", "    # indented code\n", "#hashtag\n", "```\n# only in code\n```\n", "#\n", ""])
    func findsNoneWhereThereIsNone(body: String) {
        #expect(LeadingHeading(body[...]) == nil)
    }
}

