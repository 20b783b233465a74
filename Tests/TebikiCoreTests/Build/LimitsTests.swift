import Foundation
import Testing
@testable import TebikiCore

/// Writer input at sizes no help article has, which must still build (or fail with a
/// diagnostic) without trapping, hanging or going quadratic.
@Suite("Input at the limits")
struct LimitsTests {
    /// A site of one category whose only article has `body` after its front matter.
    func site(body: String) throws -> URL {
        let site = try TestSites.temporaryFolder()
        let category = site.appendingPathComponent("Articles/big")
        try FileManager.default.createDirectory(at: category, withIntermediateDirectories: true)
        try ("---\ntitle: Big\ndescription: d\n---\n" + body).write(to: category.appendingPathComponent("big.md"), atomically: true, encoding: .utf8)
        return site
    }

    @Test func moreHeadingsThanASectionNumberOnceHeldBuildAndAreSearchable() throws {
        // 32,768 headings overflowed the Int16 that numbered sections.
        let count = 33_000
        let body = (0..<count).map { "## Heading \($0)\n\nword\($0)\n" }.joined(separator: "\n")
        let source = try site(body: body)
        let checked = SiteBuilder.check(.init(source: source))
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.prefix(3))")
        #expect(checked.articles[0].body.sections.count >= count)
        #expect(checked.articles[0].terms.sections.allSatisfy { $0 >= -1 && $0 <= Int16.max })
        // The search index numbers sections too.
        let index = SearchIndex(articles: checked.articles, site: checked.site, words: checked.searchWords)
        #expect(index.files.contains { $0.path.hasPrefix("search/x/0-") && $0.text.contains("word32999") })
    }

    @Test func manyLinksOnOneLineEachGetTheirOwnColumn() {
        // Each link's column was counted from the start of its line: 100,000 broken links on a
        // line took 251 s. Now counted on from the previous link; the columns must stay exact.
        let count = 20_000
        let line = (0..<count).map { "ログ[x](nowhere\($0).md)" }.joined(separator: " ")
        let rendered = TestSites.render("# T\n\n" + line + "\n")
        let broken = rendered.links.filter { $0.destination.hasPrefix("nowhere") }
        #expect(broken.count == count)
        var expected = 3  // "ログ" before the first link
        for (index, link) in broken.enumerated() {
            #expect(link.location == SourceLocation("Articles/login/signin.md", line: 6, column: expected), "link \(index)")
            if link.location.column != expected { break }
            expected += "[x](nowhere\(index).md) ログ".unicodeScalars.count
        }
    }
}
