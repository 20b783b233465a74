import Testing
@testable import TebikiCore

@Suite("Contiguous UTF-8")
struct ContiguousUTF8Tests {
    /// Small (inline) and large texts, and parts of them, hand over exactly their own bytes.
    @Test(arguments: ["", "a", "ログイン", "short ASCII", String(repeating: "長い日本語のテキスト", count: 40), "e\u{301} 😀"])
    func givesTheTextsOwnBytes(text: String) {
        #expect(text.withContiguousUTF8(Array.init) == Array(text.utf8))
        let part = text.dropFirst().dropLast()
        #expect(part.withContiguousUTF8(Array.init) == Array(part.utf8))
    }
}
