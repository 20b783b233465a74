import Foundation
import Testing
@testable import TebikiCore

/// `variables:` in `tebiki.yml`, as the loader applies them to what is not Markdown.
@Suite("Variables")
struct VariablesTests {
    @Test func knownNamesAreReplacedAndCodeLikeTextIsLeftAlone() {
        let variables = TextVariables(["product": "kintone", "mail": "help@example.com"])
        #expect(variables.substitute("{{ product }} と {{product}}、{{mail}}").text == "kintone と kintone、help@example.com")
        #expect(variables.substitute("{ product } {{ }} {{ a b }}").unknown.isEmpty)
        let (text, unknown) = variables.substitute("前 {{ nobody }} 後")
        #expect(text == "前 {{ nobody }} 後")
        #expect(unknown.map(\.name) == ["nobody"])
        #expect(unknown.first?.offset == "前 ".utf8.count)
    }

    /// The first `{{` is found wherever it is: first, last, after lone braces, in text that
    /// is not ASCII.
    @Test func theOpeningBracesAreFoundAnywhere() {
        let variables = TextVariables(["p": "X"])
        let cases: [(String, String)] = [
            ("{{p}}", "X"), ("a{{p}}", "aX"), ("{a{ {{p}}", "{a{ X"), ("{{{p}}", "{X"), ("ログ{{ p }}", "ログX"),
            ("{", "{"), ("a{", "a{"), ("{ {", "{ {"), ("", ""), ("{{", "{{"), ("{}{}{{p}}{", "{}{}X{"),
        ]
        for (text, expected) in cases {
            #expect(variables.substitute(text).text == expected, "\(text)")
        }
    }

    @Test func unknownNamesInTitlesAndTheGlossaryAreErrorsWhereTheyAreWritten() throws {
        let root = try TestSites.temporaryFolder()
        let files = [
            "tebiki.yml": "variables:\n  product: kintone\n",
            "Articles/a/page.md": "---\ntitle: \"{{ product }} と {{ nobody }}\"\ndescription: d\n---\nText\n",
            "Articles/_glossary.yml": "- term: URL\n  definition: \"{{ product }} の {{ missing }}\"\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let (site, diagnostics) = SiteLoader.load(root: root)
        #expect(diagnostics.sortedForReport().map(\.description) == [
            "Articles/_glossary.yml:2:15: error: unknown variable 'missing' in the definition of 'URL': define it under 'variables:' in tebiki.yml",
            "Articles/a/page.md:2:25: error: unknown variable 'nobody' in the title: define it under 'variables:' in tebiki.yml",
        ])
        #expect(site.glossary["ja"]?.first?.definition == "kintone の {{ missing }}")
    }
}
