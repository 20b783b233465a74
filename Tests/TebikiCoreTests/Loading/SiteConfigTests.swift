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
            "tebiki.yml:2:1: error: unknown key 'colour' (known keys: title, language, baseURL, theme, output, rawHTML, relatedCount, backlinks, warnings, variables)",
            "tebiki.yml:3:10: error: 'baseURL' must be an absolute http(s) URL such as https://example.com/help/",
            "tebiki.yml:4:11: error: 'language' must be a language code such as ja or en",
            "tebiki.yml:5:15: error: 'relatedCount' must be between 0 and 20",
        ])
    }
}
