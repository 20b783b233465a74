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
