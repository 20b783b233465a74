import Foundation
import Testing
@testable import TebikiCore

@Suite("Live site (tebiki serve's model)")
struct LiveSiteTests {
    func loaded() throws -> (LiveSite, URL) {
        let root = try TestSites.copyOfFixture("basic")
        let (site, diagnostics) = LiveSite.load(SiteBuilder.Options(source: root))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return (try #require(site), root)
    }

    func text(_ site: LiveSite, _ path: String) -> String? {
        if case .text(let text)? = site.resource(at: path) { return text }
        return nil
    }

    func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try change(String(decoding: try Data(contentsOf: url), as: UTF8.self)).write(to: url, atomically: false, encoding: .utf8)
    }

    @Test func servesEveryKindOfPageAndFileFromMemory() throws {
        let (site, root) = try loaded()
        #expect(text(site, "")?.contains("<html") == true)
        #expect(text(site, "account/")?.contains("Sign in") == true)
        #expect(text(site, "account/sign-in/")?.contains("Open the sign-in page.") == true)
        #expect(text(site, "404.html")?.contains("<html") == true)
        #expect(text(site, "search/meta.js")?.hasPrefix("TebikiSearch.meta(") == true)
        #expect(site.resource(at: "images/home.png") == .file(root.appendingPathComponent("Articles/images/home.png")))
        #expect(site.resource(at: "images/unused.png") == nil, "an image no article uses is not published")
        #expect(site.resource(at: "account/nothing/") == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path), "serving writes nothing")
    }

    @Test func servesStaticFilesInPlaceOfGeneratedOnes() throws {
        let root = try TestSites.copyOfFixture("static-files")
        let site = try #require(LiveSite.load(SiteBuilder.Options(source: root)).0)
        #expect(site.resource(at: "CNAME") == .file(root.appendingPathComponent("Static/CNAME")))
        #expect(site.resource(at: ".well-known/security.txt") == .file(root.appendingPathComponent("Static/.well-known/security.txt")))
        #expect(site.resource(at: "404.html") == .file(root.appendingPathComponent("Static/404.html")))
        #expect(text(site, "search/") != nil)
    }

    @Test func anEditedBodyIsReparsedAndOnlyItsPagesAreNamed() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-in.md") { $0.replacingOccurrences(of: "Open the sign-in page.", with: "Open the new sign-in page.") }
        guard case .updated(let updated, let pages) = site.updating(["Articles/account/sign-in.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        #expect(text(updated, "account/sign-in/")?.contains("Open the new sign-in page.") == true)
        #expect(text(site, "account/sign-in/")?.contains("Open the new sign-in page.") == false, "the old state is a value, untouched")
        // Its own page, and welcome, which it links to and whose backlinks list it.
        #expect(pages == ["account/sign-in/", "getting-started/welcome/"])
        #expect(updated.generation == site.generation + 1)
        #expect(!updated.isSettled)
        let (settled, _) = updated.settled()
        #expect(settled.isSettled)
        #expect(settled.generation == updated.generation)
    }

    @Test func anEditedArticleKeepsTheSitesVariablesAndItsIncludes() throws {
        let root = try TestSites.copyOfFixture("markdown")
        let site = try #require(LiveSite.load(SiteBuilder.Options(source: root)).0)
        try edit(root, "Articles/guide/plans.md") { $0.replacingOccurrences(of: "| アプリ数 |", with: "| {{ product }} のアプリ数 |") }
        let outcome = site.updating(["Articles/guide/plans.md"])
        guard case .updated(let updated, _) = outcome else {
            Issue.record("the edit was not applied: \(outcome)")
            return
        }
        #expect(!updated.diagnostics.hasErrors, "\(updated.diagnostics)")
        let page = text(updated, "guide/plans/") ?? ""
        #expect(page.contains("<h1>kintone のプラン</h1>"))
        #expect(page.contains("kintone のアプリ数"))
        #expect(page.contains("kintone の設定は管理者が変更します。"), "the included snippet is still there")
    }

    @Test func settlingRemakesOnlyTheSearchPartsTheEditTouchedAsAFullBuildWould() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-in.md") { $0 + "\nZyxwvut is the new word.\n" }
        guard case .updated(let updated, _) = site.updating(["Articles/account/sign-in.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        let (settled, _) = updated.settled()
        let fresh = SiteBuilder.check(.init(source: root))
        let full = SearchIndex(articles: fresh.articles, site: fresh.site, words: fresh.searchWords)
        var remade = 0
        for file in full.files {
            guard case .text(let before)? = site.resource(at: file.path), case .text(let after)? = settled.resource(at: file.path) else {
                Issue.record("\(file.path) is not served")
                continue
            }
            if before != after {
                remade += 1
                #expect(after == file.text, "\(file.path) was re-made differently from a full build")
            }
        }
        #expect(remade > 0 && remade < full.files.count, "\(remade) of \(full.files.count) files re-made")
        let shard = Int(SearchIndex.shardHash("zyxwvut") % UInt32(full.shardCount))
        guard case .text(let script)? = settled.resource(at: "search/t/\(shard).js") else { return }
        #expect(script.contains("\"zyxwvut\":["))
    }

    @Test func aNewTitleMayChangeEveryPage() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-in.md") { $0.replacingOccurrences(of: "title: Sign in", with: "title: Sign in now") }
        guard case .updated(let updated, let pages) = site.updating(["Articles/account/sign-in.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        #expect(pages == nil)
        #expect(text(updated, "account/")?.contains("Sign in now") == true)
    }

    @Test func aBrokenEditFailsWithEveryProblemAndKeepsTheLastGoodState() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-in.md") {
            $0.replacingOccurrences(of: "title: Sign in\n", with: "titel: Sign in\n")
        }
        try edit(root, "Articles/account/sign-out.md") { $0.replacingOccurrences(of: "sign-in.md#steps", with: "sign-in.md#nowhere") }
        guard case .failed(let problems) = site.updating(["Articles/account/sign-in.md", "Articles/account/sign-out.md"]) else {
            Issue.record("a broken edit was applied")
            return
        }
        let errors = problems.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains("Articles/account/sign-in.md:1:1: error: front matter has no 'title'"))
        #expect(text(site, "account/sign-in/")?.contains("Open the sign-in page.") == true)
    }

    @Test func aBrokenAnchorInAnEditIsAnError() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-out.md") { $0.replacingOccurrences(of: "sign-in.md#steps", with: "sign-in.md#nowhere") }
        guard case .failed(let problems) = site.updating(["Articles/account/sign-out.md"]) else {
            Issue.record("a broken anchor was accepted")
            return
        }
        #expect(problems.map(\.description).contains("Articles/account/sign-out.md:7:23: error: broken link: Articles/account/sign-in.md has no heading with id 'nowhere'"))
    }

    @Test func renamingAHeadingBreaksTheAnchorsOfTheArticlesLinkingToIt() throws {
        let (site, root) = try loaded()
        try edit(root, "Articles/account/sign-in.md") { $0.replacingOccurrences(of: "## Steps", with: "## How to") }
        guard case .failed(let problems) = site.updating(["Articles/account/sign-in.md"]) else {
            Issue.record("the broken anchor in sign-out.md went unnoticed")
            return
        }
        #expect(problems.filter { $0.severity == .error }.map(\.description)
                == ["Articles/getting-started/welcome.md:15:26: error: broken link: Articles/account/sign-in.md has no heading with id 'steps'",
                    "Articles/account/sign-out.md:7:23: error: broken link: Articles/account/sign-in.md has no heading with id 'steps'"])
    }

    @Test func anEditLeavesTheSameGraphAndFindingsAsAWholeCheck() throws {
        let (site, root) = try loaded()
        // New links out of sign-out, one to install (an orphan until now), one gone.
        try edit(root, "Articles/account/sign-out.md") {
            $0.replacingOccurrences(of: "[Sign in again](sign-in.md#steps).", with: "See [installing](../getting-started/install.md).")
        }
        guard case .updated(let updated, let pages) = site.updating(["Articles/account/sign-out.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        #expect(pages == ["account/logout/", "account/sign-in/", "getting-started/install/"])
        let whole = LinkGraph(updated.checked.articles)
        #expect(updated.checked.graph.outgoing == whole.outgoing)
        #expect(updated.checked.graph.incoming == whole.incoming)
        #expect(updated.checked.graph.namedAsRelated == whole.namedAsRelated)
        #expect(updated.checked.links == LinkChecker.check(updated.checked.articles, graph: whole, site: updated.checked.site,
                                                           introductions: updated.checked.introductions.values.sorted { $0.source.path < $1.source.path }))
        #expect(!updated.checked.links.all.contains { $0.path == "Articles/getting-started/install.md" && $0.message.hasPrefix("orphan") })
    }

    @Test func whatAnEditCannotExplainAsksForAFullLoad() throws {
        let (site, root) = try loaded()
        // A new article: not one the site knows.
        #expect(isReload(site.updating(["Articles/account/new.md"])))
        // A new address: other pages' links would change.
        try edit(root, "Articles/account/sign-out.md") { $0.replacingOccurrences(of: "slug: logout", with: "slug: sign-off") }
        #expect(isReload(site.updating(["Articles/account/sign-out.md"])))
    }

    /// An edit in a section is applied in place like any other; a new weight that moves it
    /// within its section asks for a full load, which puts it in its new place.
    @Test func anArticleInASectionIsEditedInPlaceAndReorderedByAFullLoad() throws {
        let root = try TestSites.copyOfFixture("sections")
        let options = SiteBuilder.Options(source: root)
        let site = try #require(LiveSite.load(options).0)
        #expect(text(site, "admin/users/")?.contains("権限を変える") == true)
        try edit(root, "Articles/admin/users/roles.md") { $0.replacingOccurrences(of: "操作をします。", with: "操作を管理画面でします。") }
        guard case .updated(let updated, let pages) = site.updating(["Articles/admin/users/roles.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        #expect(pages == ["admin/users/roles/", "admin/overview/"])
        #expect(text(updated, "admin/users/roles/")?.contains("操作を管理画面でします。") == true)
        #expect(text(updated, "admin/users/roles/")?.contains(#"<li><a href="../../../admin/users/">ユーザー管理</a></li>"#) == true)

        try edit(root, "Articles/admin/users/audit.md") { $0.replacingOccurrences(of: "weight: 6", with: "weight: 0") }
        #expect(isReload(updated.updating(["Articles/admin/users/audit.md"])))
        guard case .updated(let reloaded, nil) = LiveSite.rebuilt(after: ["Articles/admin/users/audit.md"], from: updated, options: options) else {
            Issue.record("the full load failed")
            return
        }
        let section = try #require(reloaded.checked.site.sections.first { $0.id == "admin/users" })
        #expect(reloaded.checked.site.articles(in: section).first?.id == "admin/users/audit")
    }

    /// Every language's pages are served, and a translation edited in place keeps what it takes
    /// from its original and its related entries in its language, as a full load gives them.
    @Test func aTranslationIsEditedInPlaceAsAFullLoadWouldReadIt() throws {
        let root = try TestSites.copyOfFixture("languages")
        let site = try #require(LiveSite.load(SiteBuilder.Options(source: root)).0)
        #expect(text(site, "en/")?.contains("<html lang=\"en\">") == true)
        #expect(text(site, "en/search/meta.js")?.contains("sign in") == true)
        #expect(text(site, "en/widget/tebiki.js") != nil)
        try edit(root, "Articles/en/start/welcome.md") { $0.replacingOccurrences(of: "There are articles", with: "Here are articles") }
        guard case .updated(let updated, _) = site.updating(["Articles/en/start/welcome.md"]) else {
            Issue.record("the edit was not applied")
            return
        }
        let page = try #require(text(updated, "en/start/welcome/"))
        #expect(page.contains("Here are articles"))
        let whole = try #require(LiveSite.load(SiteBuilder.Options(source: root)).0)
        let index = try #require(updated.checked.site.articles.firstIndex { $0.id == "en/start/welcome" })
        #expect(updated.checked.site.articles[index].frontMatter.related.map(\.value) == ["en/account/signin", "account/password"])
        #expect(updated.checked.site.articles[index].frontMatter.related.map(\.value)
            == whole.checked.site.articles[index].frontMatter.related.map(\.value))
        #expect(updated.checked.diagnostics.map(\.description) == whole.checked.diagnostics.map(\.description))
    }

    func isReload(_ outcome: LiveSite.Outcome) -> Bool {
        if case .needsReload = outcome { return true }
        return false
    }
}
