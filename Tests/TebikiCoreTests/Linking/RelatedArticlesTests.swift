import Foundation
import Testing
@testable import TebikiCore

@Suite("Related articles")
struct RelatedArticlesTests {
    let checked = SiteBuilder.check(.init(source: TestSites.fixtures.appendingPathComponent("related")))

    func list(_ id: String) -> [RelatedArticles.Entry] {
        let index = checked.articles.firstIndex { $0.source.id == id }!
        return checked.related.lists[index]
    }

    @Test func ranksByTextTagsAndLinksAndLeavesUnrelatedArticlesOut() {
        #expect(checked.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(list("billing/invoices").map(\.id) == ["billing/download-invoice", "billing/change-plan"])
        #expect(list("billing/change-plan").map(\.id) == ["billing/invoices", "billing/download-invoice"])
        // Nothing about passwords is shown for invoices just to fill the list, and the reverse.
        #expect(list("account/reset-password").map(\.id) == ["account/sign-in", "account/two-factor"])
    }

    @Test func writersEntriesComeFirst() {
        let signIn = list("account/sign-in")
        #expect(signIn.map(\.id) == ["account/two-factor", "account/reset-password"])
        #expect(signIn[0].fromFrontMatter)
        #expect(!signIn[1].fromFrontMatter)
    }

    @Test func reasonsAreRecorded() throws {
        let download = try #require(list("billing/invoices").first)
        #expect(download.sharedTags == ["billing", "invoice"])
        #expect(download.sameCategory)
        #expect(download.textScore > 0.5)
        let reset = try #require(list("account/two-factor").first)
        #expect(reset.id == "account/reset-password")
        #expect(reset.linksTo)
        #expect(!reset.linkedFrom)
    }

    @Test func theSameInputGivesTheSameLists() {
        let again = SiteBuilder.check(.init(source: TestSites.fixtures.appendingPathComponent("related")))
        #expect(again.related.lists == checked.related.lists)
    }

    @Test func countLimitsTheListAndZeroTurnsItOff() {
        var options = RelatedArticles.Options()
        options.count = 1
        let one = RelatedArticles(checked.articles, graph: checked.graph, options: options)
        #expect(one.lists.allSatisfy { $0.count <= 1 })
        options.count = 0
        let none = RelatedArticles(checked.articles, graph: checked.graph, options: options)
        #expect(none.lists.allSatisfy { $0.isEmpty })
    }

    @Test func sampleLoginArticleListsLogoutAndTroubleshooting() throws {
        let sample = SiteBuilder.check(.init(source: TestSites.repositoryRoot))
        let index = try #require(sample.articles.firstIndex { $0.source.id == "login/login" })
        let ids = sample.related.lists[index].map(\.id)
        #expect(ids.contains("login/logout"))
        #expect(ids.contains { $0.hasPrefix("troubleshooting/") })
        // Articles without a writer's list still get computed ones.
        let restricted = try #require(sample.articles.firstIndex { $0.source.id == "troubleshooting/restricted-user" })
        #expect(sample.related.lists[restricted].contains { !$0.fromFrontMatter })
    }
}

@Suite("Link graph")
struct LinkGraphTests {
    @Test func backlinksAndOrphans() {
        let checked = SiteBuilder.check(.init(source: TestSites.fixtures.appendingPathComponent("related")))
        let ids = checked.articles.map(\.source.id)
        let reset = ids.firstIndex(of: "account/reset-password")!
        #expect(checked.graph.backlinks(of: reset).map { ids[$0] } == ["account/two-factor"])
        #expect(!checked.graph.isOrphan(reset))
        // Named in another article's `related:`, so not an orphan either.
        #expect(!checked.graph.isOrphan(ids.firstIndex(of: "account/two-factor")!))
        #expect(checked.graph.isOrphan(ids.firstIndex(of: "billing/invoices")!))
    }
    /// Tags are compared as bits when numbered below 64 and by their lists past that: a shared
    /// tag counts the same either way, alone or beside one of the other kind.
    @Test func tagsPastTheSixtyFourthCountAsTheFirstOnesDo() throws {
        // Seventy tags, one to a filler article, are numbered first (in file order).
        var files = ["tebiki.yml": "title: Tags\n"]
        for number in 0..<70 {
            let name = String(format: "%02d", number)
            files["Articles/filler/f\(name).md"] = "---\ntitle: Filler \(name)\ntags: [u\(name)]\n---\n\nWord\(name).\n"
        }
        files["Articles/pairs/p1.md"] = "---\ntitle: Alpha\ntags: [u01, shared-late]\n---\n\nAlpha bravo.\n"
        files["Articles/pairs/p2.md"] = "---\ntitle: Charlie\ntags: [u01, shared-late]\n---\n\nCharlie delta.\n"
        files["Articles/pairs/p3.md"] = "---\ntitle: Echo\ntags: [only-late]\n---\n\nEcho foxtrot.\n"
        files["Articles/pairs/p4.md"] = "---\ntitle: Golf\ntags: [only-late]\n---\n\nGolf hotel.\n"
        let checked = SiteBuilder.check(.init(source: try TestSites.siteFolder(files)))
        let ids = checked.articles.map(\.source.id)
        func entry(_ from: String, _ to: String) throws -> RelatedArticles.Entry {
            let index = try #require(ids.firstIndex(of: from))
            return try #require(checked.related.lists[index].first { $0.id == to })
        }
        // A tag shared by n of the site's articles weighs 0.25·log(count/n)/log(count/2), added
        // to the text score; the same category adds 15 %.
        let count = Double(ids.count)
        func weight(_ sharing: Double) -> Double { 0.25 * log(count / sharing) / log(count / 2) }
        let mixed = try entry("pairs/p1", "pairs/p2")
        #expect(mixed.sharedTags == ["u01", "shared-late"])
        #expect(abs(mixed.score - (mixed.textScore + weight(3) + weight(2)) * 1.15) < 1e-9)
        let late = try entry("pairs/p3", "pairs/p4")
        #expect(late.sharedTags == ["only-late"])
        #expect(abs(late.score - (late.textScore + weight(2)) * 1.15) < 1e-9)
        // A filler article shares its tag with none, except f01 with p1 and p2.
        #expect(try entry("filler/f01", "pairs/p1").sharedTags == ["u01"])
    }
}
