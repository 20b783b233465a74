import Foundation
import Testing
@testable import TebikiCore

/// Whole builds of the sites under `Tests/Fixtures/`, one folder per scenario.
@Suite("Fixture sites")
struct FixtureSiteTests {
    func build(_ site: URL, output: URL? = nil) throws -> (SiteBuilder.Result, URL) {
        let output = try output ?? TestSites.temporaryFolder().appendingPathComponent("_site")
        return (SiteBuilder.build(.init(source: site, output: output)), output)
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func basicSiteBuildsEveryPage() throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent("basic"))
        #expect(result.succeeded)
        #expect(result.articleCount == 4)
        #expect(result.pageCount == 10)
        let files = Set(TestSites.snapshot(of: output).keys).filter { !$0.hasPrefix("/search/t/") }
        #expect(files == [
            "/.tebiki-output", "/404.html", "/index.html", "/sitemap.xml", "/assets/style.css", "/assets/tebiki.js",
            "/assets/search.js", "/assets/favicon.svg", "/assets/pick.js", "/search/index.html", "/search/meta.js", "/search/d/0.js", "/search/f.js",
            "/search/x/0-0.js", "/search/x/1-0.js", "/search/x/2-0.js", "/search/x/3-0.js",
            "/getting-started/index.html", "/getting-started/welcome/index.html", "/getting-started/install/index.html",
            "/account/index.html", "/account/sign-in/index.html", "/account/logout/index.html",
            "/images/home.png", "/old/welcome/index.html", "/assets/guide.js", "/widget/tebiki.js",
            "/feed.xml", "/llms.txt", "/robots.txt", "/getting-started/welcome/index.md", "/getting-started/install/index.md",
            "/account/sign-in/index.md", "/account/logout/index.md",
        ])
        // Warnings, but no errors.
        #expect(result.diagnostics.sortedForReport().map(\.description) == [
            "Articles/account/sign-out.md:1:1: warning: no 'description': lists and search results show it under the title",
            "Articles/account/sign-out.md:1:1: warning: orphan article: no other article links to it or names it in 'related'",
            "Articles/getting-started/install.md:1:1: warning: no 'description': lists and search results show it under the title",
            "Articles/getting-started/install.md:1:1: warning: orphan article: no other article links to it or names it in 'related'",
            "Articles/getting-started/welcome.md:26:20: warning: raw HTML is left out of the page; set 'rawHTML: true' in tebiki.yml to keep it",
            "Articles/getting-started/welcome.md:29:1: warning: link with a 'javascript:' URL was removed: only http, https, mailto and tel are allowed",
            "Articles/images/unused.png:1:1: warning: image not used by any article; it is not published",
        ])
    }

    @Test(arguments: ["index.html", "account/index.html", "getting-started/welcome/index.html", "account/logout/index.html", "404.html"])
    func basicSiteMatchesItsSnapshots(path: String) throws {
        try expectSnapshot(of: "basic", path)
    }

    /// A page of a fixture's build against `<fixture>-expected/<path>`; `UPDATE_SNAPSHOTS=1`
    /// rewrites the stored page after a deliberate change.
    func expectSnapshot(of fixture: String, _ path: String) throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent(fixture))
        #expect(result.succeeded)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let actual = try page(output, path)
        try TestSites.expectSnapshot(actual, fixture: fixture, path: path)
    }

    /// Tables, task lists, containers, tabs, a code group, an include and variables, in pages.
    @Test(arguments: ["guide/plans/index.html", "guide/steps/index.html", "guide/index.html", "faq/index.html"])
    func markdownSiteMatchesItsSnapshots(path: String) throws {
        try expectSnapshot(of: "markdown", path)
    }

    @Test func snippetsAreIncludedNeverPublishedAndVariablesFillTitles() throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent("markdown"))
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("_snippets").path))
        let plans = try page(output, "guide/plans/index.html")
        #expect(plans.contains("<h1>kintone のプラン</h1>"))
        // The snippet's link was written from Articles/_snippets/ and resolves from there.
        #expect(plans.contains(#"<a href="../../guide/plans/#%E8%A8%AD%E5%AE%9A%E9%A0%85%E7%9B%AE">設定の一覧</a>"#))
        #expect(plans.contains("kintone の設定は管理者が変更します。"))
        let steps = try page(output, "guide/steps/index.html")
        // In the tour's and hint's titles (plain text) and texts (Markdown) too.
        #expect(steps.contains(#""title":"kintone の設定ツアー""#))
        #expect(steps.contains(#""title":"kintone の歯車""#))
        #expect(steps.contains("kintone の画面右上にあります。"))
        #expect(steps.contains("kintone の設定はここから。"))
        #expect(!steps.contains("{{ product }}"))
        #expect(steps.contains("Internet Explorer では <a href=\"../../guide/plans/\">kintone のプラン</a>"))
    }

    @Test func indexFilesIntroduceTheirCategoryPageAndAreNotArticles() throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent("markdown"))
        #expect(result.succeeded)
        #expect(result.articleCount == 4)
        for page in ["guide/index/index.html", "faq/_index/index.html", "faq/index/index.html"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path))
        }
        let faq = try page(output, "faq/index.html")
        // No _category.yml: the title and description come from _index.md.
        #expect(faq.contains("<h1>よくある質問</h1>"))
        #expect(faq.contains(#"<p class="lead">よく寄せられる質問への答えです。</p>"#))
        // Links in an introduction are written for a page one folder deep.
        #expect(faq.contains(#"<a href="../guide/steps/">設定の手順</a>"#))
        let guide = try page(output, "guide/index.html")
        #expect(guide.contains("<h1>書き方</h1>"), "_category.yml's title wins over index.md's")
        #expect(guide.contains("<p>kintone の画面の名前は、そのまま書いてください。</p>"))
    }

    @Test func articlePagesLinkRelativelyAndInReadingOrder() throws {
        let (_, output) = try build(TestSites.fixtures.appendingPathComponent("basic"))
        let welcome = try page(output, "getting-started/welcome/index.html")
        #expect(welcome.contains(#"<a href="../../account/sign-in/#steps">Sign in</a>"#))
        #expect(welcome.contains(#"<link rel="stylesheet" href="../../assets/style.css">"#))
        #expect(welcome.contains(#"<a class="pager-next" href="../../getting-started/install/" rel="next">"#))
        #expect(!welcome.contains("pager-prev"))
        #expect(welcome.contains(#"<time datetime="2026-03-04">March 4, 2026</time>"#))
        #expect(welcome.contains(#"<link rel="canonical" href="https://help.example.com/docs/getting-started/welcome/">"#))
        // The draft is not published and nothing links to it.
        #expect(!welcome.contains("Unfinished"))
        let notFound = try page(output, "404.html")
        // The 404 page is served at any depth, so it links from the base path.
        #expect(notFound.contains(#"href="/docs/assets/style.css""#))
    }

    @Test func articlePagesListTheArticlesLinkingToThem() throws {
        let site = try TestSites.copyOfFixture("basic")
        let (_, output) = try build(site)
        let signIn = try page(output, "account/sign-in/index.html")
        let backlinks = try #require(signIn.range(of: "Articles that link here").map { String(signIn[$0.upperBound...]) })
        #expect(backlinks.contains(#"<li><a href="../../getting-started/welcome/">Welcome to Acme</a></li>"#))
        #expect(backlinks.contains(#"<li><a href="../../account/logout/">Sign out</a></li>"#))

        let config = site.appendingPathComponent("tebiki.yml")
        try (String(contentsOf: config, encoding: .utf8) + "backlinks: false\nrelatedCount: 0\n").write(to: config, atomically: true, encoding: .utf8)
        let (_, quieter) = try build(site)
        let plain = try page(quieter, "account/sign-in/index.html")
        #expect(!plain.contains("Articles that link here"))
        #expect(!plain.contains("Related articles"))
    }

    /// `invalid-sections`: a folder three deep, a bad `_section.yml`, a section with a reserved
    /// name, an article and an article's slug at a section's address. `invalid-languages`: a
    /// translation without an original, two of one original, folders named like the default
    /// language and like one not listed, a section named like a language, a language unused.
    @Test(arguments: ["invalid-content", "invalid-sections", "invalid-languages"])
    func invalidContentReportsEveryProblemAndWritesNothing(fixture name: String) throws {
        let fixture = TestSites.fixtures.appendingPathComponent(name)
        let (result, output) = try build(fixture)
        #expect(!result.succeeded)
        let expectedURL = fixture.appendingPathComponent("expected-diagnostics.txt")
        let actual = result.diagnostics.sortedForReport().map(\.reported).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil { try actual.write(to: expectedURL, atomically: true, encoding: .utf8) }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers.isEmpty)
    }

    @Test func failedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try TestSites.copyOfFixture("basic")
        let (first, output) = try build(site)
        #expect(first.succeeded)
        let before = TestSites.snapshot(of: output)

        let article = site.appendingPathComponent("Articles/account/sign-in.md")
        try (String(contentsOf: article, encoding: .utf8) + "\n[broken](nowhere.md)\n").write(to: article, atomically: true, encoding: .utf8)
        let (second, _) = try build(site, output: output)
        #expect(!second.succeeded)
        #expect(second.diagnostics.contains { $0.description == "Articles/account/sign-in.md:15:1: error: broken link: nothing at 'nowhere.md'" })
        #expect(TestSites.snapshot(of: output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["_site"])
    }

    @Test func successfulRebuildReplacesTheOutput() throws {
        let site = try TestSites.copyOfFixture("basic")
        let (_, output) = try build(site)
        try FileManager.default.removeItem(at: site.appendingPathComponent("Articles/account/sign-out.md"))
        let (second, _) = try build(site, output: output)
        #expect(second.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("account/logout").path))
    }

    @Test func refusesToReplaceAFolderTebikiDidNotMake() throws {
        let output = try TestSites.temporaryFolder().appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "precious".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let (result, _) = try build(TestSites.fixtures.appendingPathComponent("basic"), output: output)
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("refusing to replace") })
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
    }

    @Test func publishingSwapsTheFoldersInOneStep() throws {
        let parent = try TestSites.temporaryFolder()
        let site = TestSites.fixtures.appendingPathComponent("basic")
        let destination = parent.appendingPathComponent("_site")
        let (first, _) = try build(site, output: destination)
        #expect(first.succeeded)
        let folder = try OutputFolder(destination: destination, source: site)
        try folder.write("new", to: "index.html")
        var staged = stat()
        #expect(stat(folder.staging.path, &staged) == 0)
        // The old site, opened before the swap, is what is at the staging path after it: the two
        // folders traded places (renameat2 RENAME_EXCHANGE) instead of being renamed one by one.
        let oldSite = open(destination.path, O_RDONLY | O_DIRECTORY)
        defer { close(oldSite) }
        var old = stat()
        #expect(fstat(oldSite, &old) == 0)
        try folder.publish()
        var published = stat()
        #expect(stat(destination.path, &published) == 0)
        #expect(published.st_ino == staged.st_ino)
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(old.st_ino != published.st_ino)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["_site"])

        // A reader on the other core never finds the site missing while it is replaced again and
        // again (with two renames it would, in the moment between them).
        let watching = Flag()
        let missing = Flag()
        let path = destination.path + "/index.html"
        let reader = Thread {
            while !watching.isSet { if access(path, F_OK) != 0 { missing.set() } }
        }
        reader.start()
        for round in 0..<300 {
            let next = try OutputFolder(destination: destination, source: site)
            try next.write("round \(round)", to: "index.html")
            try next.publish()
        }
        watching.set()
        #expect(!missing.isSet)
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "round 299")
    }

    @Test func leftoversOfKilledBuildsAreRemovedAndOthersKept() throws {
        let parent = try TestSites.temporaryFolder()
        // No process has this id (Linux ids stay below 2^22).
        let dead: Int32 = 2_000_000_000
        func folder(_ name: String, marked: Bool) throws {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data(repeating: 1, count: 1000).write(to: parent.appendingPathComponent("\(name)/page.html"))
            if marked { try Data().write(to: parent.appendingPathComponent("\(name)/\(OutputFolder.marker)")) }
        }
        try folder("._site.staging-\(dead)", marked: true)
        try folder("._site.old-\(dead)", marked: true)
        try folder("._site.staging-\(getppid())", marked: true)  // a live process: maybe building now
        try folder("._site.staging-\(dead + 1)", marked: false)  // not Tebiki's
        try folder("._other.staging-\(dead)", marked: true)  // another output folder's
        let (result, _) = try build(TestSites.fixtures.appendingPathComponent("basic"), output: parent.appendingPathComponent("_site"))
        #expect(result.succeeded, "\(result.diagnostics.filter { $0.severity == .error })")
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(left == ["._other.staging-\(dead)", "._site.staging-\(dead + 1)", "._site.staging-\(getppid())", "_site"].sorted())
    }

    @Test func staticFilesAreCopiedAsTheyAreAndReplaceGeneratedOnesWithAWarning() throws {
        let fixture = TestSites.fixtures.appendingPathComponent("static-files")
        let (result, output) = try build(fixture)
        #expect(result.succeeded)
        for (path, text) in ["CNAME": "help.example.jp\n", "_headers": "/*\n  X-Frame-Options: DENY\n", ".well-known/security.txt": "{}\n",
                             "robots.txt": "User-agent: *\nAllow: /\n", "404.html": "<!doctype html><title>Our own 404</title>\n",
                             "search/extra.txt": "extra\n"] {
            #expect(try page(output, path) == text, "\(path)")
        }
        #expect(try page(output, "search/index.html").contains("<html"), "a static file beside generated ones leaves them")
        #expect(result.diagnostics.filter { $0.path.hasPrefix("Static/") }.map(\.description) == [
            "Static/404.html: warning: replaces the site's own 404.html; remove it to publish the generated one",
        ])

        // A CNAME kept in Static/ survives the next build; one added to the output does not.
        try "by hand".write(to: output.appendingPathComponent("added.txt"), atomically: true, encoding: .utf8)
        let (second, _) = try build(fixture, output: output)
        #expect(second.succeeded)
        #expect(try page(output, "CNAME") == "help.example.jp\n")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("added.txt").path))
    }

    @Test func aStaticFileWhereTheSiteNeedsAFolderIsAnError() throws {
        let site = try TestSites.copyOfFixture("static-files")
        try "x".write(to: site.appendingPathComponent("Static/account"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Static/index.html"), withIntermediateDirectories: true)
        try "y".write(to: site.appendingPathComponent("Static/index.html/inside.txt"), atomically: true, encoding: .utf8)
        let (result, output) = try build(site)
        #expect(!result.succeeded)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "Static/account: error: is a file where the site has the folder account/; rename it",
            "Static/index.html/inside.txt: error: is inside index.html, which the site writes as a file; move it",
        ])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func pagesWrittenForOtherToolsTakeTheirTitleFromTheirFirstHeading() throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent("other-tools"))
        #expect(result.succeeded, "\(result.diagnostics)")
        let start = try page(output, "guide/getting-started/index.html")
        #expect(start.contains("<title>はじめに | "))
        // The heading became the title, so the body does not show it again; one in code stays code.
        #expect(start.components(separatedBy: "<h1").count == 2)
        #expect(start.contains("# Not a title: inside a code block"))
        let config = try page(output, "guide/config/index.html")
        #expect(config.contains("<h1>Configuring the site</h1>"), "the closing #s are not part of the title")
        #expect(try page(output, "guide/index.html").contains("Configuring the site"))
    }

    @Test func aTitleTakenFromAHeadingLeavesEveryOtherLineItsNumber() throws {
        let site = try TestSites.copyOfFixture("other-tools")
        let file = site.appendingPathComponent("Articles/guide/getting-started.md")
        try (String(contentsOf: file, encoding: .utf8) + "\n[gone](nowhere.md)\n").write(to: file, atomically: true, encoding: .utf8)
        let (result, _) = try build(site)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description)
                == ["Articles/guide/getting-started.md:13:1: error: broken link: nothing at 'nowhere.md'"])
    }

    @Test func siteThemeOverridesTheDefaultFileByFile() throws {
        let (result, output) = try build(TestSites.fixtures.appendingPathComponent("theme-override"))
        #expect(result.succeeded)
        #expect(try page(output, "faq/index.html").contains(#"<h1 class="overridden">faq</h1>"#))
        // Templates the site does not override come from the bundled theme.
        let article = try page(output, "faq/question/index.html")
        #expect(article.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        // rawHTML: true keeps the writer's HTML.
        #expect(article.contains("<kbd>Ctrl</kbd>"))
        #expect(article.contains(#"<div class="custom">kept</div>"#))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/extra.css").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/style.css").path))
    }

    @Test func unknownThemeIsAnError() throws {
        let site = try TestSites.copyOfFixture("basic")
        try "language: en\ntheme: fancy\n".write(to: site.appendingPathComponent("tebiki.yml"), atomically: true, encoding: .utf8)
        let (result, _) = try build(site)
        #expect(!result.succeeded)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description)
            == ["tebiki.yml:2:8: error: theme 'fancy' not found: no folder Themes/fancy/"])
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Themes filled by Tebiki's own Mustache compiler: a page made from the bundled one with one
/// block replaced, and template errors at their line and column.
@Suite("Theme templates")
struct ThemeTemplateTests {
    func build(_ site: URL) throws -> (SiteBuilder.Result, URL) {
        let output = try TestSites.temporaryFolder().appendingPathComponent("_site")
        return (SiteBuilder.build(.init(source: site, output: output)), output)
    }

    @Test func aThemeThatReplacesOneBlockChangesOnlyThatBlock() throws {
        let fixture = TestSites.fixtures.appendingPathComponent("theme-blocks")
        let (result, output) = try build(fixture)
        #expect(result.succeeded, "\(result.diagnostics)")
        // The same site with the bundled theme.
        let plain = try TestSites.temporaryFolder()
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Articles"), to: plain.appendingPathComponent("Articles"))
        try "title: Blocks\nlanguage: en\n".write(to: plain.appendingPathComponent("tebiki.yml"), atomically: true, encoding: .utf8)
        let (plainResult, plainOutput) = try build(plain)
        #expect(plainResult.succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("guide/first/index.html"), encoding: .utf8)
        let original = try String(contentsOf: plainOutput.appendingPathComponent("guide/first/index.html"), encoding: .utf8)
        let related = try #require(original.firstRange(of: /<section class="related" aria-labelledby="tebiki-related-title">[\s\S]*?<\/section>\n/))
        let replaced = try #require(page.firstRange(of: /<aside class="see-also">.*<\/aside>\n/))
        #expect(page[replaced] == "<aside class=\"see-also\"><a href=\"../../guide/second/\">Second</a></aside>\n")
        #expect(String(page[..<replaced.lowerBound]) == String(original[..<related.lowerBound]))
        #expect(String(page[replaced.upperBound...]) == String(original[related.upperBound...]))
        // Pages the theme leaves alone are the bundled ones, byte for byte.
        for path in ["index.html", "guide/index.html", "404.html"] {
            #expect(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
                    == String(contentsOf: plainOutput.appendingPathComponent(path), encoding: .utf8), "\(path)")
        }
    }

    @Test func templateErrorsAreReportedAtTheirLineAndColumn() throws {
        let site = try TestSites.siteFolder([
            "tebiki.yml": "title: T\nlanguage: en\ntheme: broken\n",
            "Articles/guide/a.md": "---\ntitle: A\n---\n\nText.\n",
            "Themes/broken/templates/article.mustache": "{{>page-start}}\n<main>\n  {{#related}}\n{{title}}\n{{>page-end}}\n",
            "Themes/broken/templates/home.mustache": "{{>page-start}}\n<p>{{>missing-part}}</p>\n",
            "Themes/broken/templates/search.mustache": "{{>page-start}}\n{{/stray}}\n",
            "Themes/broken/templates/404.mustache": "<p>{{title</p>\n",
        ])
        let (result, _) = try build(site)
        #expect(!result.succeeded)
        #expect(result.diagnostics.filter { $0.code == .templateError }.map(\.description).sorted() == [
            "Themes/broken/templates/404.mustache:1:4: error: template error: this tag is not closed: '}}' is missing",
            "Themes/broken/templates/article.mustache:3:3: error: template error: '{{#related}}' is never closed: add '{{/related}}'",
            "Themes/broken/templates/home.mustache:2:4: error: template error: no template 'missing-part' to include: add Themes/broken/templates/missing-part.mustache",
            "Themes/broken/templates/search.mustache:2:1: error: template error: '{{/stray}}' closes a section that was never opened",
        ])
    }
}
