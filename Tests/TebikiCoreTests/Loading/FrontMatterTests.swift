import Foundation
import Testing
@testable import TebikiCore

@Suite("Front matter")
struct FrontMatterTests {
    @Test func readsHugoStyleKeys() {
        let yaml = """
        title: ログインする
        summary: 短い説明
        tags: [ログイン, basics]
        related:
          - login/logout
        weight: 3
        draft: false
        date: 2026-04-01
        lastmod: 2026-04-02T09:30:00+09:00
        slug: sign-in
        aliases: /old/login/
        keywords: [a]
        categories: [ignored]
        linkTitle: ログイン
        """
        let (matter, diagnostics) = FrontMatter.parse(yaml, path: "a.md")
        #expect(diagnostics.isEmpty)
        #expect(matter.title == "ログインする")
        #expect(matter.description == "短い説明")
        #expect(matter.tags == ["ログイン", "basics"])
        #expect(matter.related.map(\.value) == ["login/logout"])
        #expect(matter.related.first?.location.line == 6)
        #expect(matter.related.first?.location.column == 5)
        #expect(matter.weight == 3)
        #expect(matter.draft == false)
        #expect(matter.date?.isoDay == "2026-04-01")
        #expect(matter.lastmod == Date(timeIntervalSince1970: 1_775_089_800))
        #expect(matter.slug?.value == "sign-in")
        #expect(matter.aliases.map(\.value) == ["/old/login/"])
        #expect(matter.linkTitle == "ログイン")
    }

    @Test func missingTitleIsAnError() {
        let (_, diagnostics) = FrontMatter.parse("description: x\n", path: "Articles/a/b.md")
        #expect(diagnostics.map(\.description) == ["Articles/a/b.md:1:1: error: front matter has no 'title'"])
    }

    @Test func wrongTypesPointAtTheValueInTheFile() {
        let (_, diagnostics) = FrontMatter.parse("title: T\nweight: heavy\ndraft: maybe\n", path: "a.md")
        // The YAML starts on line 2 of the file, after the opening fence.
        #expect(diagnostics.map(\.description) == [
            "a.md:3:9: error: 'weight' must be a whole number",
            "a.md:4:8: error: 'draft' must be true or false",
        ])
    }

    @Test func unknownKeysAreWarnings() {
        let (matter, diagnostics) = FrontMatter.parse("title: T\nmood: happy\n", path: "a.md")
        #expect(matter.title == "T")
        #expect(diagnostics.map(\.description) == ["a.md:3:1: warning: unknown front matter key 'mood' is ignored"])
    }

    @Test func invalidYAMLIsReportedWithItsPosition() {
        let (_, diagnostics) = FrontMatter.parse("title: [unclosed\n", path: "a.md")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.description.hasPrefix("a.md:3:1: error: invalid YAML") == true)
    }

    @Test func quotedValuesStayText() {
        let (matter, diagnostics) = FrontMatter.parse("title: \"123\"\ntags: [\"no\", yes]\n", path: "a.md")
        #expect(diagnostics.isEmpty)
        #expect(matter.title == "123")
        // YAML 1.1 would turn `no` and `yes` into booleans; tags stay text.
        #expect(matter.tags == ["no", "yes"])
    }

    @Test(arguments: [
        ("a/b", "contains '/', which separates folders"),
        ("\"..\"", "'..' names a folder, not a page"),
        ("a#b", "contains '#', which starts a fragment in a link (leave out # ? %)"),
        ("\"a?b\"", "contains '?', which starts a query in a link (leave out # ? %)"),
        ("\"%2e%2e\"", "contains '%', which starts an escape in a link (leave out # ? %)"),
        ("\"a\\tb\"", "contains a control character"),
        (String(repeating: "あ", count: 86), "is 258 bytes long; file systems take at most 255"),
    ])
    func slugsThatCannotBeOneURLSegmentAreRejected(slug: String, problem: String) {
        let (matter, diagnostics) = FrontMatter.parse("title: T\nslug: \(slug)\n", path: "a.md")
        #expect(diagnostics.map(\.description) == ["a.md:3:7: error: 'slug' must be a single URL segment: it \(problem)"])
        #expect(matter.slug == nil)
    }
}
