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

    @Test func unknownKeysAndBadValuesAreErrorsWithPositions() {
        let text = "title: x\ncolour: blue\nbaseURL: not a url\nlanguage: 日本語\nrelatedCount: 50\n"
        let (_, diagnostics) = SiteConfig.parse(text, path: "tebiki.yml")
        #expect(diagnostics.map(\.description) == [
            "tebiki.yml:2:1: error: unknown key 'colour' (known keys: title, language, languages, baseURL, theme, output, rawHTML, relatedCount, backlinks, warnings, variables)",
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
