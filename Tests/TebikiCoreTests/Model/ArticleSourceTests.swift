import Testing
@testable import TebikiCore

@Suite("Article ids")
struct ArticleSourceTests {
    /// id, language folder, slug → category, section, page path.
    static let cases: [(String, String?, String?, String, String?, String)] = [
        ("login/signin", nil, nil, "login", nil, "login/signin/"),
        ("login/sso/okta", nil, nil, "login", "login/sso", "login/sso/okta/"),
        ("login/sso/deeper/okta", nil, nil, "login", "login/sso", "login/sso/okta/"),
        ("はじめに/設定/ログイン", nil, nil, "はじめに", "はじめに/設定", "はじめに/設定/ログイン/"),
        ("en/login/signin", "en", nil, "en/login", nil, "en/login/signin/"),
        ("en/login/sso/okta", "en", "single-sign-on", "en/login", "en/login/sso", "en/login/sso/single-sign-on/"),
        ("top", nil, nil, "", nil, "/top/"),
        ("e\u{301}/x", nil, "s", "e\u{301}", nil, "e\u{301}/s/"),
    ]

    @Test(arguments: cases)
    func foldersNameTheCategoryAndSection(_ example: (String, String?, String?, String, String?, String)) {
        let (id, language, slug, category, section, urlPath) = example
        let article = TestSites.article(id, languageFolder: language) { matter in
            matter.slug = slug.map { FrontMatter.Reference(value: $0, location: SourceLocation("Articles/\(id).md")) }
        }
        #expect(article.categoryID == category)
        #expect(article.sectionID == section)
        #expect(article.urlPath == urlPath)
    }
}
