import Foundation
import Testing
@testable import TebikiCore

/// What a path written in a translation names: its language's article, image or folder first,
/// the original's when there is none; in a site with one language, nothing changes.
@Suite("Links in translations")
struct TranslationLinkTests {
    let site: LoadedSite = {
        var site = TestSites.site([
            TestSites.article("login/signin"), TestSites.article("login/logout"),
            TestSites.article("en/login/signin", languageFolder: "en"),
        ], assets: ["images/shot.png", "images/shared.png", "en/images/shot.png"])
        site.config.languages = ["ja", "en"]
        site.categories = [Category(id: "login", title: "ログイン"), Category(id: "en/login", title: "Signing in")]
        return site
    }()

    func target(_ destination: String, from id: String) -> LinkTarget {
        LinkResolver(site: site).target(of: destination, from: id)
    }

    @Test func aTranslationsPathsNameItsLanguageFirst() {
        #expect(target("signin.md", from: "en/login/signin") == .article(id: "en/login/signin", fragment: nil))
        #expect(target("/login/signin.md", from: "en/login/signin") == .article(id: "en/login/signin", fragment: nil),
                "a path from the top is written as the original's")
        #expect(target("logout.md", from: "en/login/signin") == .article(id: "login/logout", fragment: nil), "untranslated: the original")
        #expect(target("../images/shot.png", from: "en/login/signin") == .asset(path: "en/images/shot.png"))
        #expect(target("../images/shared.png", from: "en/login/signin") == .asset(path: "images/shared.png"))
        #expect(target("../login/", from: "en/login/signin") == .category(id: "en/login", fragment: nil))
        #expect(target("../", from: "en/login/signin") == .category(id: "en", fragment: nil), "the language's home")
        #expect(target("missing.md", from: "en/login/signin") == .missing("missing.md"))
    }

    @Test func theDefaultLanguageLinksAsBefore() {
        #expect(target("signin.md", from: "login/logout") == .article(id: "login/signin", fragment: nil))
        #expect(target("../images/shot.png", from: "login/logout") == .asset(path: "images/shot.png"))
        #expect(target("../en/login/signin.md", from: "login/logout") == .article(id: "en/login/signin", fragment: nil))
        #expect(target("../", from: "login/logout") == .category(id: "", fragment: nil))
    }

    @Test func aLanguageFolderIsAPathsFirstFolderOnlyWhenListed() {
        #expect(site.languageFolder(ofPath: "en/login/signin") == "en")
        #expect(site.languageFolder(ofPath: "en") == "en")
        #expect(site.languageFolder(ofPath: "login/en") == nil)
        #expect(site.language(ofPath: "login/signin") == "ja")
        #expect(site.urlPrefix(of: "en") == "en/")
        #expect(site.urlPrefix(of: "ja") == "")
        var single = site
        single.config.languages = ["ja"]
        #expect(single.languageFolder(ofPath: "en/login/signin") == nil, "with one language, en/ is a category like any other")
        let article = TestSites.article("en/login/signin", languageFolder: "en")
        #expect(article.categoryID == "en/login")
        #expect(article.translationKey == "login/signin")
        #expect(article.pageDepth == 3)
        #expect(article.urlPath == "en/login/signin/")
    }

    @Test func translationsPairPagesByTheirPathWithoutTheLanguageFolder() {
        let translations = Translations(site: site)
        #expect(translations.versions(of: "login/signin").map(\.urlPath) == ["login/signin/", "en/login/signin/"])
        #expect(translations.versions(of: "login/logout").map(\.urlPath) == ["login/logout/", nil])
        #expect(translations.versions(of: "").map(\.urlPath) == ["", "en/"])
        #expect(translations.versions(of: "login").map(\.urlPath) == ["login/", "en/login/"])
        var single = site
        single.config.languages = ["ja"]
        #expect(Translations(site: single).isEmpty)
    }
}
