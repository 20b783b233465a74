import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TebikiCore

/// `Tests/Fixtures/publishing`: feeds, social cards, structured data, the Markdown copies and
/// `llms.txt`, publishing dates, promoted and recent articles, the edit link and the feedback
/// and support settings, with a title that holds `</script>` and U+2028.
@Suite("Publishing")
struct PublishingSiteTests {
    static let fixture = TestSites.fixtures.appendingPathComponent("publishing")

    func build(_ site: URL = fixture) throws -> (SiteBuilder.Result, URL) {
        let output = try TestSites.temporaryFolder().appendingPathComponent("_site")
        return (SiteBuilder.build(.init(source: site, output: output)), output)
    }

    func file(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func articlesOutsideTheirDatesAreLeftOutAndLinksToThemArePlainText() throws {
        let (result, output) = try build()
        #expect(result.succeeded)
        #expect(result.articleCount == 2)
        #expect(result.diagnostics.map(\.description) == [
            "Articles/guide/start.md:14:50: warning: Articles/guide/coming.md is not published (its publishDate 2099-01-01 is still to come): the link is shown as plain text until it is",
        ])
        for path in ["guide/coming/index.html", "guide/old-campaign/index.html"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        let page = try file(output, "guide/start/index.html")
        #expect(page.contains("新機能は「来年の新機能」で説明します"))
        #expect(!page.contains("coming"))
        // Shown with --drafts, as `tebiki serve --drafts` shows them, and kept out of search engines.
        let drafts = try TestSites.temporaryFolder().appendingPathComponent("_site")
        #expect(SiteBuilder.build(.init(source: Self.fixture, output: drafts, includeDrafts: true)).succeeded)
        #expect(try file(drafts, "guide/coming/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try file(drafts, "guide/start/index.html")).contains("content=\"noindex\""))
    }

    @Test func datesAreComparedWithTheMomentOfTheBuild() {
        var matter = FrontMatter()
        let day = { (text: String) in ISO8601DateFormatter().date(from: text + "T00:00:00Z")! }
        matter.publishDate = day("2027-04-01")
        #expect(matter.unpublishedReason(at: day("2027-03-31")) == "its publishDate 2027-04-01 is still to come")
        #expect(matter.unpublishedReason(at: day("2027-04-01")) == nil)
        matter.expiryDate = day("2027-05-01")
        #expect(matter.unpublishedReason(at: day("2027-04-30")) == nil)
        #expect(matter.unpublishedReason(at: day("2027-05-01")) == "its expiryDate 2027-05-01 has passed")
    }

    @Test func theMarkdownCopyIsCleanAndItsLinksAbsolute() throws {
        let (_, output) = try build()
        #expect(try file(output, "guide/start/index.md") == """
        ---
        title: "はじめての \\u003c/script\\u003e 設定\\u2028ガイド"
        description: "「\\u003cb\\u003e太字\\u003c/b\\u003e」や \\"引用符\\" を含む説明"
        updated: 2026-10-01
        ---

        Acme を使い始める手順です。`{{ product }}` はコードなので置き換えません。

        困ったときは「[請求書を見る](https://help.example.com/docs/billing/invoices/)」も参照してください（Acme サポート）。


        請求書は「[請求書を見る](https://help.example.com/docs/billing/invoices/#list)」、新機能は「来年の新機能」で説明します。

        ## 手順

        1. 設定を開きます。
        2. [外部サイト](https://example.org/docs) を参照します。

        """)
        #expect(try file(output, "guide/start/index.html").contains("<link rel=\"alternate\" type=\"text/markdown\" href=\"index.md\">"))
    }

    @Test func structuredDataIsJSONThatNoTitleCanBreakOutOf() throws {
        let (_, output) = try build()
        let page = try file(output, "guide/start/index.html")
        let script = try #require(page.firstRange(of: /<script type="application\/ld\+json">(.*?)<\/script>/))
        let json = String(page[script].dropFirst("<script type=\"application/ld+json\">".count).dropLast("</script>".count))
        #expect(!json.contains("<") && !json.contains("\u{2028}"))
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["@type"] as? String == "Article")
        #expect(objects[0]["headline"] as? String == "はじめての </script> 設定\u{2028}ガイド")
        #expect(objects[0]["datePublished"] as? String == "2026-09-01")
        #expect(objects[0]["dateModified"] as? String == "2026-10-01")
        #expect(objects[0]["inLanguage"] as? String == "ja")
        #expect(objects[0]["image"] as? String == "https://help.example.com/docs/images/screen.png")
        let crumbs = try #require(objects[1]["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["name"] as? String } == ["ホーム", "使い方", "はじめての </script> 設定\u{2028}ガイド"])
        #expect(crumbs.map { $0["item"] as? String } == ["https://help.example.com/docs/", "https://help.example.com/docs/guide/",
                                                         "https://help.example.com/docs/guide/start/"])
        let home = try file(output, "index.html")
        #expect(home.contains(#""potentialAction":{"@type":"SearchAction","target":"https://help.example.com/docs/search/?q={search_term_string}","#))
    }

    @Test func everyKindOfPageHasItsSocialCard() throws {
        let (_, output) = try build()
        for (path, type, url) in [("index.html", "website", "https://help.example.com/docs/"),
                                  ("guide/index.html", "website", "https://help.example.com/docs/guide/"),
                                  ("billing/invoices/index.html", "article", "https://help.example.com/docs/billing/invoices/"),
                                  ("search/index.html", "website", "https://help.example.com/docs/search/"),
                                  ("404.html", "website", nil)] {
            let page = try file(output, path)
            #expect(page.contains("<meta property=\"og:type\" content=\"\(type)\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:site_name\" content=\"Acme ヘルプ\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:locale\" content=\"ja_JP\">"), "\(path)")
            #expect(page.contains("<meta property=\"og:title\""), "\(path)")
            #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "\(path)")
            #expect(page.contains("<meta property=\"og:url\" content=\"\(url ?? "")\">") == (url != nil), "\(path)")
        }
        // The article's first image, else the site's.
        #expect(try file(output, "billing/invoices/index.html").contains("<meta property=\"og:image\" content=\"https://help.example.com/docs/images/screen.png\">"))
        #expect(try file(output, "guide/index.html").contains("<meta property=\"og:image\" content=\"https://help.example.com/docs/images/card.png\">"))
        #expect(try file(output, "search/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try file(output, "guide/index.html")).contains("noindex"))
    }

    @Test func withoutABaseURLNothingRelativeIsPassedOffAsAbsolute() throws {
        let site = try TestSites.siteFolder([
            "Articles/guide/_category.yml": "title: Guide\n",
            "Articles/guide/a.md": "---\ntitle: A\n---\n\n![Screen](../images/s.png)\n",
            "Articles/images/s.png": "",
        ])
        let (result, output) = try build(site)
        #expect(result.succeeded)
        let page = try file(output, "guide/a/index.html")
        #expect(!page.contains("og:url") && !page.contains("og:image"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"ヘルプセンター – 更新情報（Atom フィード）\" href=\"../../feed.xml\">"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
        #expect(try file(output, "robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(try file(output, "llms.txt") == "# ヘルプセンター\n\n## Guide\n\n- [A](guide/a/index.md)\n\n")
        #expect(try file(output, "feed.xml").contains("<id>urn:tebiki:home</id>"))
    }

    @Test func feedLlmsAndRobotsSayWhatTheSiteHas() throws {
        let (_, output) = try build()
        #expect(try file(output, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://help.example.com/docs/sitemap.xml\n")
        #expect(try file(output, "llms.txt") == """
        # Acme ヘルプ

        > Acme の使い方と困ったときの対処

        ## 使い方

        - [はじめての </script> 設定 ガイド](https://help.example.com/docs/guide/start/index.md): 「<b>太字</b>」や "引用符" を含む説明

        ## 請求

        - [請求書を見る](https://help.example.com/docs/billing/invoices/index.md): 請求書の一覧とダウンロード


        """)
        let feed = try file(output, "feed.xml")
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        // Newest first; the escaped title survives as text.
        let titles = feed.matches(of: /<title>([^<]*)<\/title>/).map { String($0.1) }
        #expect(titles == ["Acme ヘルプ", "請求書を見る", "はじめての &lt;/script&gt; 設定\u{2028}ガイド"])
        #expect(feed.contains("<updated>2026-11-15T00:00:00Z</updated>"))
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://help.example.com/docs/billing/invoices/\"/>"))
    }

    @Test func homePageEditLinkFeedbackAndSupport() throws {
        let (_, output) = try build()
        let home = try file(output, "index.html")
        let promoted = try #require(home.firstRange(of: /<section class="home-list promoted"[\s\S]*?<\/section>/))
        #expect(home[promoted].contains("<a href=\"./guide/start/\">はじめての &lt;/script&gt; 設定\u{2028}ガイド</a>"))
        let recent = try #require(home.firstRange(of: /<section class="home-list recent"[\s\S]*?<\/section>/))
        #expect(home[recent].matches(of: /<a href="([^"]*)"/).map { String($0.1) } == ["./billing/invoices/", "./guide/start/"])
        #expect(home.contains("<p class=\"hero-lead\">Acme のドキュメントを検索</p>"))
        #expect(home.contains("placeholder=\"例: 請求書\""))
        let article = try file(output, "guide/start/index.html")
        #expect(article.contains("<a href=\"https://github.com/acme/help/edit/main/Articles/guide/start.md\">このページを編集</a>"))
        #expect(article.contains("data-endpoint=\"https://votes.example.com/tebiki\""))
        #expect(article.matches(of: /name="tebiki-feedback-reason" value="([^"]*)"/).map { String($0.1) } == ["説明が古い", "手順が分かりにくい", "探していた内容ではない"])
        #expect(article.contains("<a href=\"https://acme.example.com/contact\">サポートに問い合わせる</a>"))
        #expect(try file(output, "404.html").contains("<a href=\"https://acme.example.com/contact\">サポートに問い合わせる</a>"))
    }
}
