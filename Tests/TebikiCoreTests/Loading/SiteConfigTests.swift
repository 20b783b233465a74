import Foundation
import Testing
@testable import TebikiCore

@Suite("tebiki.yml")
struct SiteConfigTests {
    @Test func defaultsWhenEmpty() {
        let (config, diagnostics) = SiteConfig.parse("", path: "tebiki.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.language == "ja")
        #expect(config.output == "_site")
        #expect(config.theme == "default")
        #expect(config.rawHTML == false)
        #expect(config.basePath == "/")
    }

    @Test func readsEveryKey() {
        let text = "title: ヘルプ\nlanguage: en\nbaseURL: https://example.com/help\ntheme: mine\noutput: public\nrawHTML: true\nrelatedCount: 3\nbacklinks: false\n"
        let (config, diagnostics) = SiteConfig.parse(text, path: "tebiki.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "ヘルプ")
        #expect(config.language == "en")
        #expect(config.baseURL == "https://example.com/help/")
        #expect(config.basePath == "/help/")
        #expect(config.theme == "mine")
        #expect(config.output == "public")
        #expect(config.rawHTML)
        #expect(config.relatedCount == 3)
        #expect(!config.backlinks)
    }

    @Test func publishingSettingsAreRead() {
        let text = """
        words:
          ja: {searchLabel: 開発者ドキュメントを検索, searchPlaceholder: "例: API キー"}
          en: {searchLabel: Search the docs}
        support: {url: "https://example.com/contact", label: {ja: 窓口に相談, en: Ask us}}
        feedback: {endpoint: "http://localhost:8080/votes", reasons: [古い, 難しい]}
        editURL: https://github.com/org/repo/edit/main/Articles/{path}
        image: /images/card.png
        description: 製品のヘルプ
        languages: [ja, en]
        """
        let (config, diagnostics) = SiteConfig.parse(text, path: "tebiki.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.words["ja"]?["searchLabel"] == "開発者ドキュメントを検索")
        #expect(config.words["ja"]?["searchPlaceholder"] == "例: API キー")
        #expect(config.words["en"]?["searchLabel"] == "Search the docs")
        #expect(config.words["ja"]?["supportLabel"] == "窓口に相談")
        #expect(config.words["en"]?["supportLabel"] == "Ask us")
        #expect(config.supportURL == "https://example.com/contact")
        #expect(config.feedback.endpoint == "http://localhost:8080/votes")
        #expect(config.feedback.enabled)
        #expect(config.editURL == "https://github.com/org/repo/edit/main/Articles/{path}")
        #expect(config.image == "images/card.png")
        #expect(config.description == "製品のヘルプ")
        // The site's reasons replace the built-in three, in its language only.
        var site = LoadedSite(root: URL(fileURLWithPath: "/"), config: config, categories: [], articles: [], assets: [])
        site.themeWords = [:]
        #expect(site.strings(for: "ja").feedbackReasons == ["古い", "難しい"])
        #expect(site.strings(for: "en").feedbackReasons.count == 3)
        #expect(site.strings(for: "ja")["searchLabel"] == "開発者ドキュメントを検索")
        #expect(SiteConfig.parse("feedback: false\n", path: "tebiki.yml").0.feedback.enabled == false)
    }

    @Test func badPublishingSettingsAreErrorsAtTheirPositions() {
        let text = """
        feedback:
          endpoint: http://collector.example.com/votes
          colour: red
        editURL: https://github.com/org/repo/edit/main/Articles/
        support:
          url: javascript:alert(1)
        words:
          searchLabl: 検索
        image: "data:image/png;base64,AAAA"
        """
        let (_, diagnostics) = SiteConfig.parse(text, path: "tebiki.yml")
        #expect(diagnostics.map(\.description) == [
            "tebiki.yml:4:10: error: 'editURL' needs '{path}' where the article's path goes, e.g. https://github.com/org/repo/edit/main/Articles/{path}",
            "tebiki.yml:9:8: error: 'image' must be a path in the site, such as images/card.png, or an http(s) URL",
            "tebiki.yml:3:3: error: unknown key 'colour' in 'feedback'; known keys: 'endpoint', 'reasons'",
            "tebiki.yml:2:13: error: 'endpoint' must be an https:// URL (or http://localhost for testing): votes must not travel in the clear",
            "tebiki.yml:6:8: error: 'url' must be an http(s) or mailto: address, not javascript:",
            "tebiki.yml:8:3: error: unknown theme word 'searchLabl'; the README lists the words a site can change",
        ])
    }

    @Test func unknownKeysAndBadValuesAreErrorsWithPositions() {
        let text = "title: x\ncolour: blue\nbaseURL: not a url\nlanguage: 日本語\nrelatedCount: 50\n"
        let (_, diagnostics) = SiteConfig.parse(text, path: "tebiki.yml")
        #expect(diagnostics.map(\.description) == [
            "tebiki.yml:2:1: error: unknown key 'colour' (known keys: title, language, languages, baseURL, theme, output, rawHTML, relatedCount, backlinks, warnings, variables, description, image, editURL, feedback, support, words, timeZone, product)",
            "tebiki.yml:3:10: error: 'baseURL' must be an absolute http(s) URL such as https://example.com/help/",
            "tebiki.yml:4:11: error: '日本語' is not a language code such as ja, en or zh-TW",
            "tebiki.yml:5:15: error: 'relatedCount' must be between 0 and 20",
        ])
    }

    @Test func languagesListsTheDefaultFirstAndLanguageSaysTheSameOnce() {
        let (config, problems) = SiteConfig.parse("languages: [ja, en, zh-TW]\n", path: "tebiki.yml")
        #expect(problems.isEmpty)
        #expect(config.languages == ["ja", "en", "zh-TW"])
        #expect(config.language == "ja")
        #expect(Array(config.translationLanguages) == ["en", "zh-TW"])
        #expect(SiteConfig.parse("language: en\n", path: "tebiki.yml").0.languages == ["en"])
        #expect(SiteConfig().languages == ["ja"])

        let (both, errors) = SiteConfig.parse("title: x\nlanguages: [en, ja]\nlanguage: ja\n", path: "tebiki.yml")
        #expect(both.languages == ["en", "ja"], "the first one written counts")
        #expect(errors.map(\.description) == [
            "tebiki.yml:3:1: error: 'language' and 'languages' both set the site's languages: keep one ('languages: [ja, en]' for several)",
        ])
        let (_, bad) = SiteConfig.parse("languages: [ja, en, EN, 日本]\n", path: "tebiki.yml")
        #expect(bad.map(\.description) == [
            "tebiki.yml:1:21: error: 'EN' is listed twice in 'languages'",
            "tebiki.yml:1:25: error: '日本' is not a language code such as ja, en or zh-TW",
        ])
        #expect(SiteConfig.parse("languages: []\n", path: "tebiki.yml").1.map(\.description)
            == ["tebiki.yml:1:12: error: 'languages' needs at least one language code, the first being the default"])
    }
}
