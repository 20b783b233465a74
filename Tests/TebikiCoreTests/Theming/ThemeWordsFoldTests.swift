import Testing
@testable import TebikiCore

@Suite("The theme's words folded into its templates")
struct ThemeWordsFoldTests {
    /// Known names become their escaped words, spaces inside the braces allowed; triple braces,
    /// unknown names, sections and an unclosed tag are left for the template compiler.
    @Test func onlyKnownPlainTagsBecomeText() {
        let constants = ["strings.home": "ホーム & <help>", "site.title": "Acme"]
        let template = "<a>{{strings.home}}</a>{{ site.title }}{{{strings.home}}}{{#strings.home}}x{{/strings.home}}{{title}} {{ "
        #expect(Theme.fold(template, constants)
                    == "<a>ホーム &amp; &lt;help&gt;</a>Acme{{{strings.home}}}{{#strings.home}}x{{/strings.home}}{{title}} {{ ")
        #expect(Theme.fold("", constants) == "" && Theme.fold("no tags, ログイン", constants) == "no tags, ログイン")
    }

    /// A value that would read as a tag stays a tag, filled from the page's values at render time.
    @Test func aValueWithBracesIsNotFolded() {
        #expect(Theme.fold("<h1>{{site.title}}</h1>", ["site.title": "Help {{/x}}"]) == "<h1>{{site.title}}</h1>")
        #expect(Theme.fold("{{site.title}} {{=<% %>=}} {{site.title}}", ["site.title": "A"]) == "A {{=<% %>=}} {{site.title}}")
    }

    /// Built end to end: the title shows as written, braces and all, and the page is not empty.
    @Test func aSiteTitleWithBracesShowsAsWritten() throws {
        let site = try TestSites.siteFolder([
            "tebiki.yml": "title: \"Help {{/x}} {{site.language}}\"\n",
            "Articles/start/hello.md": "---\ntitle: Hello\ndescription: d\n---\n\nSome text.\n",
        ])
        let output = site.appendingPathComponent("_site")
        #expect(SiteBuilder.build(.init(source: site, output: output)).succeeded)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<title>Help {{/x}} {{site.language}}</title>"))
    }

    /// After a delimiter change `{{site.title}}` is text: nothing there is folded (a title
    /// holding the new delimiters, folded in, broke the template), so the page is what
    /// Mustache says it is.
    @Test func nothingAfterADelimiterChangeIsFolded() throws {
        let site = try TestSites.siteFolder([
            "tebiki.yml": "title: \"A [[/x]]\"\ntheme: own\n",
            "Articles/start/hello.md": "---\ntitle: Hello\ndescription: d\n---\n\nSome text.\n",
            "Themes/own/templates/home.mustache": "{{=[[ ]]=}}<p>{{site.title}} [[site.title]]</p>\n",
        ])
        let output = site.appendingPathComponent("_site")
        #expect(SiteBuilder.build(.init(source: site, output: output)).succeeded)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home == "<p>{{site.title}} A [[/x]]</p>\n")
    }
}
