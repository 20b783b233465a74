import Foundation
import Testing
@testable import TebikiCore

/// Reading a writer's file: Windows line ends become `\n` (a lone `\r` stays), and bytes that
/// are not UTF-8 are an error at their line and column.
@Suite("Reading text files")
struct TextFileTests {
    func read(_ bytes: [UInt8]) throws -> Result<TextFile, Diagnostic> {
        let file = try TestSites.temporaryFolder().appendingPathComponent("a.md")
        try Data(bytes).write(to: file)
        return TextFile.read(file.path, displayPath: "Articles/a.md")
    }

    @Test func windowsLineEndsBecomeLineFeeds() throws {
        let text = try read(Array("---\r\ntitle: ログ\r\n---\r\nA\rB\r\n".utf8)).get().text
        #expect(text == "---\ntitle: ログ\n---\nA\rB\n")
        #expect(try read(Array("no carriage return\n".utf8)).get().text == "no carriage return\n")
    }

    @Test func bytesThatAreNotUTF8AreAnErrorWhereTheyAre() throws {
        guard case .failure(let problem) = try read(Array("ok\nab".utf8) + [0xFF] + Array("\n".utf8)) else {
            Issue.record("read as text")
            return
        }
        #expect(problem.description.hasPrefix("Articles/a.md:2:3: error: the file is not UTF-8 text"))
    }
}
