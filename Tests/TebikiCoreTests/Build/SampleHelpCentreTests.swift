import Foundation
import Testing
@testable import TebikiCore

/// The Japanese sample help centre in `Articles/` must always build cleanly.
@Suite("Sample help centre")
struct SampleHelpCentreTests {
    let output: URL
    let result: SiteBuilder.Result

    init() throws {
        output = try TestSites.temporaryFolder().appendingPathComponent("_site")
        result = SiteBuilder.build(.init(source: TestSites.repositoryRoot, output: output))
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.articleCount >= 12)
    }

    @Test func homeListsEveryCategoryInOrderInJapanese() throws {
        let home = try page("index.html")
        #expect(home.contains(#"<html lang="ja">"#))
        let titles = ["ログインとログアウト", "ログインURL", "ゲストユーザー", "ログインできないとき", "便利な使い方"]
        let positions = titles.compactMap { home.range(of: ">\($0)</a></h3>")?.lowerBound }
        #expect(positions.count == titles.count)
        #expect(positions == positions.sorted())
        #expect(home.contains("件の記事"))
        #expect(home.contains(##"<a class="skip-link" href="#tebiki-main">本文へ移動</a>"##))
    }

    @Test func loginArticleHasBreadcrumbsContentsAndRelatedArticles() throws {
        let login = try page("login/login/index.html")
        #expect(login.contains(#"<li><a href="../../login/">ログインとログアウト</a></li>"#))
        #expect(login.contains("このページの内容"))
        #expect(login.contains(#"<h2 id="ログインの手順">"#))
        let related = try #require(login.range(of: "関連記事").map { String(login[$0.lowerBound...]) })
        #expect(related.contains(#"href="../../login/logout/""#))
        #expect(related.contains(#"href="../../troubleshooting/cannot-login/""#))
        #expect(login.contains(#"<img src="../../images/login-screen.svg""#))
        #expect(login.contains("最終更新"))
    }

    @Test func japaneseFragmentsInLinksAreEncoded() throws {
        let logout = try page("login/logout/index.html")
        #expect(logout.contains(#"href="../../login/login/#%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3%E3%81%AE%E6%89%8B%E9%A0%86""#))
    }
}
