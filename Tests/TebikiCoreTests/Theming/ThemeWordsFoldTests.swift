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
}
