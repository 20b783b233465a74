import Foundation
import Testing
@testable import TebikiCore

/// `../shared/corpora/vite-docs-ja`, a real Japanese site written for VitePress, copied into
/// `Articles/` as a writer moving it over would: its folders as categories, nothing edited.
@Suite("A VitePress site moved in")
struct MigrationTests {
    static let corpus = TestSites.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/vite-docs-ja")

    @Test func everyPageLoadsAndItsTablesContainersAndCodeGroupsRender() throws {
        let site = try TestSites.temporaryFolder()
        let articles = site.appendingPathComponent("Articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        for folder in ["guide", "config", "changes"] {
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(folder), to: articles.appendingPathComponent(folder))
        }
        let checked = SiteBuilder.check(.init(source: site))
        // 38 pages: 35 articles, and the index.md of each folder as its category page's introduction.
        #expect(checked.articles.count == 35)
        #expect(checked.introductions.keys.sorted() == ["changes", "config", "guide"])
        let pages = checked.articles + checked.introductions.values
        let html = pages.map(\.body.html).joined()
        // Every one of its 8 tables (delimiter rows counted with grep).
        #expect(html.components(separatedBy: "<table>").count - 1 == 8)
        #expect(html.components(separatedBy: "<div class=\"tabs code-group\">").count - 1 >= 5)
        #expect(html.components(separatedBy: "<div class=\"callout callout-").count - 1 >= 40)
        #expect(html.contains("<details class=\"details\">"))
        // No marker of a table or container is left as text.
        let text = pages.flatMap(\.body.sections).map(\.text).joined(separator: "\n")
        #expect(!text.contains(":::"))
        #expect(!text.contains("| --- |") && !text.contains("|---|"))
        let codes = Set(checked.diagnostics.filter { $0.severity == .error }.map(\.code))
        // What is left to the writer: fragments written with VitePress's heading ids
        // (`#build-target` for "build.target", whose GitHub-style id is `buildtarget`), and links
        // and images into folders that were not copied (/plugins/, public/images/).
        #expect(codes.isSubset(of: [.linkMissingHeading, .linkMissing, .imageMissing]), "\(codes)")
        let otherTool = checked.diagnostics.filter { $0.code == .linkOtherTool }.count
        #expect(otherTool > 100, "VitePress-style links resolve, each with a warning")

        // tebiki check --fix-links, then a second check: what is left links to nothing in
        // VitePress either (fragments of headings the translation renamed), or into folders
        // that were not copied.
        let (made, problems) = LinkFixer.apply(LinkFixer.changes(pages), root: site)
        #expect(problems.isEmpty, "\(problems)")
        #expect(made.count > 200)
        let again = SiteBuilder.check(.init(source: site))
        #expect(!again.diagnostics.contains { $0.code == .linkOtherTool })
        let before = checked.diagnostics.errorCount, after = again.diagnostics.errorCount
        #expect(after < before / 4, "\(before) errors before the fix, \(after) after")
        #expect(LinkFixer.changes(again.articles + again.introductions.values).isEmpty, "a second fix has nothing to do")
    }
}
