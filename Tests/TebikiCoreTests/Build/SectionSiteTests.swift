import Foundation
import Testing
@testable import TebikiCore

/// `Tests/Fixtures/sections`: a category with its own article and two sections (one with an
/// introduction, six articles, an image folder and a moved article), beside a plain category.
@Suite("Sections")
struct SectionSiteTests {
    static let fixture = TestSites.fixtures.appendingPathComponent("sections")

    func built() throws -> URL {
        let output = try TestSites.temporaryFolder().appendingPathComponent("_site")
        let result = SiteBuilder.build(.init(source: Self.fixture, output: output))
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return output
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `<li>`s of a page's breadcrumbs.
    func breadcrumbs(_ html: String) throws -> [String] {
        let start = try #require(html.range(of: "<nav class=\"breadcrumbs\"")).upperBound
        let end = try #require(html[start...].range(of: "</nav>")).lowerBound
        return html[start..<end].split(separator: "\n").filter { $0.hasPrefix("<li>") }.map(String.init)
    }

    @Test func everyFolderIsAPageAndArticlesAreOneFolderDeeper() throws {
        let output = try built()
        let pages = Set(TestSites.snapshot(of: output).keys).filter { $0.hasSuffix(".html") }
        #expect(pages == [
            "/index.html", "/404.html", "/search/index.html", "/start/index.html", "/start/welcome/index.html",
            "/admin/index.html", "/admin/overview/index.html", "/admin/users/index.html", "/admin/billing/index.html",
            "/admin/users/invite/index.html", "/admin/users/roles/index.html", "/admin/users/remove/index.html",
            "/admin/users/groups/index.html", "/admin/users/import/index.html", "/admin/users/audit/index.html",
            "/admin/billing/plans/index.html", "/admin/billing/invoices/index.html",
            "/admin/remove/index.html",
        ])
        // Images in a section's folder are published beside its articles.
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("admin/users/images/invite.png").path))
        #expect(try page(output, "admin/users/invite/index.html").contains(#"<img src="../../../admin/users/images/invite.png" alt="招待の画面" width="40" height="20">"#))
    }

    @Test(arguments: ["admin/index.html", "admin/users/index.html", "admin/users/invite/index.html"])
    func pagesMatchTheirSnapshots(path: String) throws {
        let output = try built()
        let actual = try page(output, path)
        try TestSites.expectSnapshot(actual, fixture: "sections", path: path)
    }

    @Test func breadcrumbsGoHomeCategorySectionArticle() throws {
        let output = try built()
        #expect(try breadcrumbs(page(output, "admin/billing/plans/index.html")) == [
            #"<li><a href="../../../">ホーム</a></li>"#,
            #"<li><a href="../../../admin/">管理</a></li>"#,
            #"<li><a href="../../../admin/billing/">請求</a></li>"#,
            #"<li><span aria-current="page">料金プランを変える</span></li>"#,
        ])
        #expect(try breadcrumbs(page(output, "admin/billing/index.html")) == [
            #"<li><a href="../../">ホーム</a></li>"#,
            #"<li><a href="../../admin/">管理</a></li>"#,
            #"<li><span aria-current="page">請求</span></li>"#,
        ])
        #expect(try breadcrumbs(page(output, "admin/overview/index.html")) == [
            #"<li><a href="../../">ホーム</a></li>"#,
            #"<li><a href="../../admin/">管理</a></li>"#,
            #"<li><span aria-current="page">管理画面の見かた</span></li>"#,
        ])
    }

    /// The category's own article, then the first section in its order, then the next: the pager
    /// crosses from one section into the next and stops at the category's end.
    @Test func previousAndNextRunThroughTheSectionsInOrder() throws {
        let output = try built()
        func pager(_ path: String) throws -> (previous: String?, next: String?) {
            let html = try page(output, path + "index.html")
            func title(_ kind: String) -> String? {
                guard let start = html.range(of: "class=\"pager-\(kind)\"") else { return nil }
                let rest = html[start.upperBound...]
                guard let open = rest.range(of: "<span class=\"pager-title\">"), let close = rest[open.upperBound...].range(of: "</span>") else { return nil }
                return String(rest[open.upperBound..<close.lowerBound])
            }
            return (title("prev"), title("next"))
        }
        #expect(try pager("admin/overview/") == (nil, "ユーザーを招待する"))
        #expect(try pager("admin/users/invite/") == ("管理画面の見かた", "権限を変える"))
        #expect(try pager("admin/users/audit/") == ("ユーザーを一括で登録する", "料金プランを変える"))
        #expect(try pager("admin/billing/invoices/") == ("料金プランを変える", nil))
        #expect(try pager("start/welcome/") == (nil, nil))
    }

    @Test func theCategoryPageListsItsOwnArticlesThenItsSections() throws {
        let html = try page(try built(), "admin/index.html")
        #expect(html.contains(#"<p class="count">9 件の記事</p>"#))
        let own = try #require(html.range(of: #"<ul class="article-list">"#))
        let sections = try #require(html.range(of: #"<ul class="category-grid section-grid">"#))
        #expect(own.lowerBound < sections.lowerBound)
        #expect(html[own.upperBound..<sections.lowerBound].contains(#"<a href="../admin/overview/">管理画面の見かた</a>"#))
        #expect(!html[own.upperBound..<sections.lowerBound].contains("invite"), "section articles are not in the category's own list")
        let users = try #require(html.range(of: #"<h3><a href="../admin/users/">ユーザー管理</a></h3>"#))
        let billing = try #require(html.range(of: #"<h3><a href="../admin/billing/">請求</a></h3>"#))
        #expect(users.lowerBound < billing.lowerBound, "in the order _section.yml gives")
        let usersCard = html[users.upperBound..<billing.lowerBound]
        #expect(usersCard.contains(#"<p class="count">6 件の記事</p>"#))
        #expect(usersCard.components(separatedBy: "<li><a href=").count - 1 == PageRenderer.articlesPerSectionCard)
        #expect(!usersCard.contains("操作の記録を見る"), "the sixth article is behind the link to the section")
        #expect(usersCard.contains(#"<p class="more"><a href="../admin/users/">すべての記事を見る</a></p>"#))
        #expect(!html[billing.upperBound...].contains(#"class="more""#), "two articles need no link to more")
    }

    @Test func anArticleListsItsSectionBesideItWithItselfMarked() throws {
        let html = try page(try built(), "admin/users/roles/index.html")
        let start = try #require(html.range(of: #"<nav class="section-nav""#))
        let nav = html[start.lowerBound..<(try #require(html[start.upperBound...].range(of: "</nav>"))).upperBound]
        #expect(nav.contains(#"<h2 id="tebiki-section-title">このセクションの記事</h2>"#))
        #expect(nav.components(separatedBy: "<li>").count - 1 == 6)
        #expect(nav.contains(#"<li><a href="../../../admin/users/roles/" aria-current="page">権限を変える</a></li>"#))
        #expect(nav.contains(#"<li><a href="../../../admin/users/invite/">ユーザーを招待する</a></li>"#))
        #expect(!nav.contains("class=\"more\""))
        #expect(!(try page(try built(), "admin/overview/index.html")).contains("section-nav"), "an article outside sections has none")
    }

    @Test func linksToSectionsTheirIntroductionsAndFromSectionArticlesResolve() throws {
        let output = try built()
        let welcome = try page(output, "start/welcome/index.html")
        #expect(welcome.contains(#"<a href="../../admin/users/invite/">ユーザーを招待</a>"#))
        #expect(welcome.contains(#"<a href="../../admin/billing/">請求のセクション</a>"#))
        #expect(try page(output, "admin/overview/index.html").contains(#"<a href="../../admin/users/">ユーザー管理</a>"#))
        let invoices = try page(output, "admin/billing/invoices/index.html")
        #expect(invoices.contains(#"<a href="../../../start/welcome/">ようこそ</a>"#))
        // The glossary's link to the term's article, from pages at both depths.
        #expect(welcome.contains(#"<a href="../../admin/users/invite/">詳しく</a>"#))
        #expect(try page(output, "admin/billing/plans/index.html").contains(#"<a href="../../../admin/users/invite/">詳しく</a>"#))
        // The section's introduction, on its page two folders down.
        #expect(try page(output, "admin/users/index.html").contains(#"<a href="../../admin/users/invite/">招待</a>"#))
    }

    @Test func aMovedArticleKeepsItsOldAddressSearchAndSitemapKnowSections() throws {
        let output = try built()
        #expect(try page(output, "admin/remove/index.html").contains(#"href="../../admin/users/remove/""#))
        let sitemap = try page(output, "sitemap.xml")
        for path in ["admin/users/", "admin/billing/", "admin/users/invite/", "admin/billing/plans/"] {
            #expect(sitemap.contains("<loc>https://help.example.com/\(path)</loc>"), "\(path)")
        }
        let chunk = try page(output, "search/d/0.js")
        #expect(chunk.contains(#"["ユーザーを招待する","管理 › ユーザー管理","admin/users/invite/","#))
        #expect(chunk.contains(#"["管理画面の見かた","管理","admin/overview/","#))
    }
}
