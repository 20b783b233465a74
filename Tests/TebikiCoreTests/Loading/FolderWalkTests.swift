import Foundation
import Testing
@testable import TebikiCore

/// Folders as a file system can hand them over: links back to themselves, named pipes,
/// broken links. Each must end in a diagnostic, never in a hang or a crash.
@Suite("Reading the site's folders")
struct FolderWalkTests {
    func load(_ site: URL) -> [String] {
        SiteLoader.load(root: site).1.filter { $0.severity == .error }.map(\.description).sorted()
    }

    @Test func twoLinksToTheirOwnFolderAreOneLoopEachAndTheWalkEnds() throws {
        let site = try TestSites.copyOfFixture("basic")
        let nested = site.appendingPathComponent("Articles/images/nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        // Walked naively, each level doubles: 2^40 paths before the names grow too long.
        try FileManager.default.createSymbolicLink(atPath: nested.appendingPathComponent("a").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: nested.appendingPathComponent("b").path, withDestinationPath: ".")
        #expect(load(site) == [
            "Articles/images/nested/a: error: symbolic link loop: Articles/images/nested/a leads back to Articles/images/nested; remove the link",
            "Articles/images/nested/b: error: symbolic link loop: Articles/images/nested/b leads back to Articles/images/nested; remove the link",
        ])
    }

    @Test func aCategoryLinkedToArticlesItselfIsALoop() throws {
        let site = try TestSites.copyOfFixture("basic")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("Articles/again").path, withDestinationPath: ".")
        #expect(load(site) == ["Articles/again: error: symbolic link loop: Articles/again leads back to Articles; remove the link"])
    }

    @Test func aSecondLinkToAFolderAlreadyReadIsReportedAtTheLink() throws {
        let site = try TestSites.copyOfFixture("basic")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("Articles/account/pictures").path,
                                                   withDestinationPath: "../images")
        #expect(load(site) == [
            "Articles/images: error: Articles/images and Articles/account/pictures are one folder (through a symbolic link), which is read once; remove the link",
        ])
    }

    @Test func aLinkToAFolderOutsideIsFollowedOnce() throws {
        let site = try TestSites.copyOfFixture("basic")
        let outside = try TestSites.temporaryFolder()
        try Data([0x89, 0x50]).write(to: outside.appendingPathComponent("shot.png"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("Articles/account/shots").path,
                                                   withDestinationPath: outside.path)
        let (loaded, diagnostics) = SiteLoader.load(root: site)
        #expect(!diagnostics.hasErrors)
        #expect(loaded.assets.contains("account/shots/shot.png"))
    }

    @Test func namedPipesAreErrorsAtTheirPathAndNeverOpenedForReading() throws {
        let site = try TestSites.copyOfFixture("basic")
        // Opening either for reading without O_NONBLOCK would wait for a writer forever.
        #expect(mkfifo(site.appendingPathComponent("Articles/account/pipe.md").path, 0o644) == 0)
        #expect(mkfifo(site.appendingPathComponent("Articles/images/pipe.png").path, 0o644) == 0)
        try? FileManager.default.removeItem(at: site.appendingPathComponent("tebiki.yml"))
        #expect(mkfifo(site.appendingPathComponent("tebiki.yml").path, 0o644) == 0)
        #expect(load(site) == [
            "Articles/account/pipe.md: error: a named pipe (FIFO), not a regular file: Tebiki reads only regular files; move it out of the site folder",
            "Articles/images/pipe.png: error: a named pipe (FIFO), not a regular file: Tebiki reads only regular files; move it out of the site folder",
            "tebiki.yml: error: a named pipe (FIFO), not a regular file: Tebiki reads only regular files",
        ])
    }

    @Test func aBrokenLinkIsAnError() throws {
        let site = try TestSites.copyOfFixture("basic")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("Articles/account/gone.md").path,
                                                   withDestinationPath: "nowhere.md")
        #expect(load(site) == ["Articles/account/gone.md: error: broken symbolic link: its target does not exist"])
    }

    @Test func aNamedPipeInTheThemeIsAnError() throws {
        let site = try TestSites.copyOfFixture("basic")
        let templates = site.appendingPathComponent("Themes/default/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        #expect(mkfifo(templates.appendingPathComponent("article.mustache").path, 0o644) == 0)
        let (loaded, _) = SiteLoader.load(root: site)
        let (theme, diagnostics) = Theme.load(site: loaded)
        #expect(theme == nil)
        #expect(diagnostics.map(\.description).contains(
            "Themes/default/templates/article.mustache: error: a named pipe (FIFO), not a regular file: Tebiki reads only regular files; move it out of the site folder"))
    }

    @Test func listingReadsLongAndShortNamesWhole() throws {
        let folder = try TestSites.temporaryFolder()
        // Names of every length up to the limit: readdir's records are as long as their names.
        let names = (1...255).map { String(repeating: "x", count: $0) } + ["ログイン.md", "a"]
        for name in Set(names) { try Data().write(to: folder.appendingPathComponent(name)) }
        let listed = FolderWalk.listing(folder.path)
        #expect(listed.map(\.name) == Set(names).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(listed.allSatisfy { $0.kind == .file })
    }

    @Test func aFileNameWithANewlineIsQuotedSoItsDiagnosticStaysOneLine() throws {
        let site = try TestSites.copyOfFixture("basic")
        try "---\ntitle: T\n".write(to: site.appendingPathComponent("Articles/account/two\nlines \"q\".md"), atomically: true, encoding: .utf8)
        let problems = load(site)
        #expect(problems == [
            #""Articles/account/two\nlines \"q\".md": error: the name contains a control character; rename it: it becomes part of a URL"#,
            #""Articles/account/two\nlines \"q\".md":1:1: error: front matter is not closed: add a '---' line after it"#,
        ])
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }
}
