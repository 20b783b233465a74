import Foundation
import Testing
@testable import TebikiCore

/// `Tests/Fixtures/languages`: Japanese (the default) and English in `Articles/en/`, with a
/// category and a section left without their own files, an article not translated, an image
/// translated and one shared.
@Suite("Languages")
struct LanguageSiteTests {
    static let fixture = TestSites.fixtures.appendingPathComponent("languages")

    func built() throws -> (SiteBuilder.Result, URL) {
        let output = try TestSites.temporaryFolder().appendingPathComponent("_site")
        let result = SiteBuilder.build(.init(source: Self.fixture, output: output))
        #expect(result.succeeded)
        return (result, output)
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// `<link rel="alternate" hreflang>` lines of a page's head.
    func alternates(_ html: String) -> [String] {
        html.split(separator: "\n").filter { $0.hasPrefix("<link rel=\"alternate\" hreflang=") }.map(String.init)
    }

    /// The language switcher's links: language and URL.
    func switcher(_ html: String) throws -> [String] {
        let start = try #require(html.range(of: "<nav class=\"language-switcher\"")).upperBound
        let end = try #require(html[start...].range(of: "</nav>")).lowerBound
        return html[start..<end].split(separator: "\n").filter { $0.hasPrefix("<li>") }.map { line in
            let href = line.split(separator: "\"")[1]
            return "\(line.contains("aria-current") ? "*" : "")\(line.split(separator: ">")[2].split(separator: "<")[0]) \(href)"
        }
    }

    @Test(arguments: ["en/index.html", "en/account/signin/index.html", "account/signin/index.html", "en/account/security/index.html"])
    func pagesMatchTheirSnapshots(path: String) throws {
        let (_, output) = try built()
        // The date comes from the file, which a checkout sets to the time it was made.
        let actual = try page(output, path).replacingOccurrences(of: #"<p class="meta">[^\n]*</p>"#, with: "<p class=\"meta\">…</p>",
                                                                 options: .regularExpression)
        try TestSites.expectSnapshot(actual, fixture: "languages", path: path)
    }

    @Test func eachLanguageHasItsPagesUnderItsPrefix() throws {
        let (result, output) = try built()
        #expect(result.diagnostics.map(\.description) == [
            "Articles/en/start/welcome.md:4:27: warning: related article 'account/password' has no 'en' translation yet: the list shows the original",
            "Articles/en/start/welcome.md:7:70: warning: Articles/account/password.md has no 'en' translation yet: the link goes to the original",
        ])
        let pages = Set(TestSites.snapshot(of: output).keys).filter { $0.hasSuffix(".html") }
        #expect(pages == [
            "/index.html", "/404.html", "/search/index.html", "/start/index.html", "/start/welcome/index.html",
            "/account/index.html", "/account/signin/index.html", "/account/password/index.html",
            "/account/security/index.html", "/account/security/two-factor/index.html",
            "/en/index.html", "/en/404.html", "/en/search/index.html", "/en/start/index.html", "/en/start/welcome/index.html",
            "/en/account/index.html", "/en/account/signin/index.html",
            "/en/account/security/index.html", "/en/account/security/two-factor/index.html",
        ])
        #expect(try page(output, "index.html").contains("<html lang=\"ja\">"))
        #expect(try page(output, "en/account/signin/index.html").contains("<html lang=\"en\">"))
        #expect(try page(output, "en/index.html").contains("<title>Help</title>"))
        #expect(try page(output, "index.html").contains("<title>ヘルプ</title>"))
        #expect(try page(output, "en/account/signin/index.html").contains(#"<li><a href="../../../en/">Home</a></li>"#))
        // Theme words in each language.
        #expect(try page(output, "en/search/index.html").contains("<h1 id=\"tebiki-search-title\">Search results</h1>"))
    }

    @Test func translationsNameEachOtherAndTheOriginalIsTheDefault() throws {
        let (_, output) = try built()
        let expected = [
            #"<link rel="alternate" hreflang="ja" href="https://help.example.com/help/account/signin/">"#,
            #"<link rel="alternate" hreflang="en" href="https://help.example.com/help/en/account/signin/">"#,
            #"<link rel="alternate" hreflang="x-default" href="https://help.example.com/help/account/signin/">"#,
        ]
        #expect(alternates(try page(output, "account/signin/index.html")) == expected)
        #expect(alternates(try page(output, "en/account/signin/index.html")) == expected)
        #expect(alternates(try page(output, "en/index.html")) == [
            #"<link rel="alternate" hreflang="ja" href="https://help.example.com/help/">"#,
            #"<link rel="alternate" hreflang="en" href="https://help.example.com/help/en/">"#,
            #"<link rel="alternate" hreflang="x-default" href="https://help.example.com/help/">"#,
        ])
        #expect(alternates(try page(output, "account/password/index.html")).isEmpty, "a page without translations names none")
        #expect(alternates(try page(output, "en/account/security/index.html")).count == 3, "sections too")
        let sitemap = try page(output, "sitemap.xml")
        let lastmod = sitemap.range(of: #"en/account/signin/</loc><lastmod>[0-9-]{10}"#, options: .regularExpression)
            .map { String(sitemap[$0].suffix(10)) }
        #expect(sitemap.contains("""
              <url><loc>https://help.example.com/help/en/account/signin/</loc><lastmod>\(try #require(lastmod))</lastmod>
                <xhtml:link rel="alternate" hreflang="ja" href="https://help.example.com/help/account/signin/"/>
                <xhtml:link rel="alternate" hreflang="en" href="https://help.example.com/help/en/account/signin/"/>
                <xhtml:link rel="alternate" hreflang="x-default" href="https://help.example.com/help/account/signin/"/>
              </url>
            """))
        #expect(sitemap.contains("<url><loc>https://help.example.com/help/account/password/</loc><lastmod>"))
    }

    /// The switcher goes to the page's translation, else to that language's home: never to a missing page.
    @Test func theSwitcherGoesToTheTranslationOrToThatLanguagesHome() throws {
        let (_, output) = try built()
        #expect(try switcher(page(output, "account/signin/index.html")) == ["*日本語 ../../account/signin/", "English ../../en/account/signin/"])
        #expect(try switcher(page(output, "en/account/signin/index.html")) == ["日本語 ../../../account/signin/", "*English ../../../en/account/signin/"])
        #expect(try switcher(page(output, "account/password/index.html")) == ["*日本語 ../../account/password/", "English ../../en/"])
        #expect(try switcher(page(output, "en/index.html")) == ["日本語 ../", "*English ../en/"])
        #expect(try switcher(page(output, "en/search/index.html")) == ["日本語 ../../", "*English ../../en/"])
        for (path, html) in TestSites.snapshot(of: output) where path.hasSuffix(".html") && !path.hasSuffix("404.html") {
            for link in try switcher(String(decoding: html, as: UTF8.self)) {
                let href = String(link.split(separator: " ")[1])
                let target = output.appendingPathComponent(String(path.dropFirst())).deletingLastPathComponent().appendingPathComponent(href)
                    .appendingPathComponent("index.html").standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(href)")
            }
        }
    }

    @Test func aTranslationLinksWithinItsLanguageAndFallsBackToTheOriginal() throws {
        let (_, output) = try built()
        let welcome = try page(output, "en/start/welcome/index.html")
        #expect(welcome.contains(#"<a href="../../../en/account/signin/">signing in</a>"#))
        #expect(welcome.contains(#"<a href="../../../account/password/">password</a>"#), "untranslated: the original")
        // A translated image is the language's own; the other is shared with the original.
        #expect(welcome.contains(#"<img src="../../../en/images/screen.png" alt="Screen" width="32" height="20">"#))
        #expect(welcome.contains(#"<img src="../../../images/shared.svg" alt="Shared" width="10" height="10" loading="lazy">"#))
        #expect(try page(output, "start/welcome/index.html").contains(#"<img src="../../images/screen.png" alt="画面" width="30" height="20">"#))
        // Related articles: the writer's, translated where they can be, and found ones within the language.
        let related = try #require(welcome.range(of: "Related articles").map { String(welcome[$0.upperBound...]) })
        #expect(related.contains(#"<a href="../../../en/account/signin/">Sign in</a>"#))
        #expect(related.contains(#"<a href="../../../account/password/">パスワードを変える</a>"#))
        #expect(!related.contains("../../../account/signin/"))
        let twoFactor = try page(output, "en/account/security/two-factor/index.html")
        #expect(twoFactor.contains(#"<a href="../../../../en/account/signin/#steps">signing in</a>"#))
        #expect(!twoFactor.contains("ログイン"), "no Japanese article is listed beside an English one")
    }

    @Test func aTranslatedFolderWithoutItsOwnFileTakesTheOriginalsTitleAndOrder() throws {
        let (_, output) = try built()
        let home = try page(output, "en/index.html")
        let start = try #require(home.range(of: #"<h3><a href="../en/start/">Getting started</a></h3>"#))
        let account = try #require(home.range(of: #"<h3><a href="../en/account/">アカウント</a></h3>"#))
        #expect(start.lowerBound < account.lowerBound, "the original's order")
        #expect(!home.contains("../account/"), "the English home lists English categories only")
        #expect(try page(output, "en/account/index.html").contains(#"<h3><a href="../../en/account/security/">セキュリティ</a></h3>"#))
    }

    @Test func eachLanguageHasItsOwnSearchIndexAndWidget() throws {
        let (_, output) = try built()
        let english = try page(output, "en/search/d/0.js")
        #expect(english.contains(#"["Welcome","Getting started","start/welcome/","#), "URLs from the language's home")
        #expect(!english.contains("ようこそ"))
        #expect(try page(output, "search/d/0.js").contains(#"["ようこそ","はじめに","start/welcome/","#))
        #expect(try page(output, "en/search/meta.js").contains(#""synonyms":[["sign in","log in"]]"#))
        #expect(try page(output, "search/meta.js").contains(#""synonyms":[]"#))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/widget/tebiki.js").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("widget/tebiki.js").path))
        #expect(try page(output, "en/search/index.html").contains(#"data-root="../../en/""#))
    }

    @Test func untranslatedArticlesAreListedPerLanguage() throws {
        let (site, _) = SiteLoader.load(root: Self.fixture)
        let untranslated = Translations.untranslated(in: site)
        #expect(untranslated.map(\.language) == ["en"])
        #expect(untranslated.first?.articles.map(\.id) == ["account/password"])
    }

    /// A language without built-in words takes the theme's `strings/<code>.yml`; what it leaves
    /// out is English, each key a warning.
    @Test func aThemeGivesTheWordsOfAnotherLanguage() throws {
        let root = try TestSites.siteFolder([
            "tebiki.yml": "languages: [ja, zh]\n",
            "Articles/a/page.md": "---\ntitle: ページ\ndescription: 説明。\n---\n\n本文。\n",
            "Articles/zh/a/page.md": "---\ntitle: 页面\ndescription: 说明。\n---\n\n正文。\n",
            "Themes/default/strings/zh.yml": "home: 首页\nsearchButton: 搜索\nnonsense: x\n",
        ])
        let output = root.appendingPathComponent("_site")
        let result = SiteBuilder.build(.init(source: root, output: output))
        #expect(result.succeeded)
        let html = try page(output, "zh/a/page/index.html")
        #expect(html.contains(#"<li><a href="../../../zh/">首页</a></li>"#))
        #expect(html.contains(#"<button class="search-button" type="submit">搜索</button>"#))
        #expect(html.contains("<html lang=\"zh\">"))
        // Dates in a language without built-in words are in ISO form.
        #expect(html.range(of: #"<time datetime="(\d{4}-\d\d-\d\d)">\1</time>"#, options: .regularExpression) != nil)
        #expect(html.contains(">Related articles<") || !html.contains("関連記事"), "a missing word is English, not the default language's")
        let warnings = result.diagnostics.filter { $0.code == .themeWordMissing }.map(\.message)
        #expect(warnings.contains("unknown word 'nonsense': the theme's words are \(ThemeStrings.keys.joined(separator: ", "))"))
        #expect(warnings.contains("no word for 'related' in 'zh': the English one is shown"))
        #expect(!warnings.contains("no word for 'home' in 'zh': the English one is shown"))
        #expect(try switcher(page(output, "a/page/index.html")) == ["*日本語 ../../a/page/", "中文 ../../zh/a/page/"])
    }
}
