import Testing
@testable import TebikiCore

@Suite("Mustache template problems")
struct MustacheParserTests {
    /// Columns count Unicode scalars, as Markdown diagnostics do: `é` written as e and a
    /// combining accent is two, a kanji one; a CRLF line ending ends a line once.
    @Test func problemsAreAtTheLineAndColumnOfTheirTag() {
        func problem(_ text: String) -> MustacheTemplate.Problem? {
            do throws(MustacheTemplate.Problem) {
                _ = try MustacheTemplate(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("ok\r\n漢字 {{#open}}\r\n") == .init(message: "'{{#open}}' is never closed: add '{{/open}}'", line: 2, column: 4))
        #expect(problem("e\u{301} {{name") == .init(message: "this tag is not closed: '}}' is missing", line: 1, column: 4))
        #expect(problem("{{=<% %>=}}\n<%#a%> <%/b%>") == .init(
            message: "'{{/b}}' closes 'a', opened at 2:1: close that one first", line: 2, column: 8))
    }

    @Test func textAroundTagsIsKeptByteForByte() throws {
        let library = try MustacheLibrary(["page": "ろぐいん e\u{301} 😀 {{name}}\r\n  {{#list}}\r\n- {{.}}\r\n  {{/list}}\r\n"])
        #expect(library.render("page", ["name": "<A>", "list": ["x", "y"]]) == "ろぐいん e\u{301} 😀 &lt;A&gt;\r\n- x\r\n- y\r\n")
    }
}
