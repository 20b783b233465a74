import Foundation
import Testing
@testable import TebikiCore

@Suite("The names page templates are given")
struct PageFieldsTests {
    static let sites = ["basic", "sections", "languages", "publishing", "guide", "markdown", "related", "theme-blocks"]

    /// Every page of every fixture site has exactly the names `PageFields` lists (a value left
    /// out is null, not missing), and every listed name has a value on some page (of any kind:
    /// a 404 page never has a canonical address, but the names every page shares are one list).
    @Test func everyPageHasExactlyTheListedNames() throws {
        var mismatches: [String] = []
        var seen: Set<String> = []
        for name in Self.sites {
            let checked = SiteBuilder.check(.init(source: TestSites.fixtures.appendingPathComponent(name)))
            let theme = try #require(checked.theme, "\(name)")
            let renderer = PageRenderer(site: checked.site, theme: theme)
            for (path, page) in checked.pages() {
                let values = checked.values(of: page, renderer: renderer)
                let fields = try #require(PageFields.of(values.template))
                mismatches += Self.mismatches(.object(values.values), fields, at: "\(name)/\(path)", seen: &seen, in: "")
            }
        }
        #expect(mismatches.prefix(20) == [])
        var unseen: [String] = []
        for template in Theme.templateNames {
            Self.paths(PageFields.of(template)!, prefix: "", into: &unseen)
        }
        #expect(Set(unseen).subtracting(seen).sorted() == [])
    }

    @Test func namesNoPageDefinesAreTemplateErrorsWhereTheyAreWritten() throws {
        let site = try TestSites.siteFolder([
            "tebiki.yml": "title: T\nlanguage: en\ntheme: typo\n",
            "Articles/guide/a.md": "---\ntitle: A\n---\n\nText.\n",
            "Themes/typo/templates/home.mustache": """
                {{>page-start}}
                <h1>{{titel}}</h1>
                {{#recent}}{{date.year}} {{date.iso}}{{/recent}}{{^promoted}}{{none}}{{/promoted}}
                {{strings.nope}} {{strings.home}} {{site.title}} {{#categories}}{{countText}}{{#articles}}{{url}}{{/articles}}{{/categories}}
                {{>page-end}}

                """,
            "Themes/typo/templates/search.mustache": "{{>page-start}}\n{{>typo-part}}\n{{>page-end}}\n",
            "Themes/typo/templates/typo-part.mustache": "<p>{{query}} {{title}}</p>\n",
            "Themes/typo/templates/article.mustache": """
                {{<default/article}}
                {{$related}}{{#related}}<a href="{{urll}}">{{title}}</a>{{/related}}{{/related}}
                {{/default/article}}

                """,
        ])
        let result = SiteBuilder.build(.init(source: site))
        #expect(!result.succeeded)
        let problem = "error: template error: no value named"
        #expect(result.diagnostics.filter { $0.code == .templateError }.map(\.description).sorted() == [
            "Themes/typo/templates/article.mustache:2:34: \(problem) 'urll' on the article page (it renders as nothing): check its spelling",
            "Themes/typo/templates/home.mustache:2:5: \(problem) 'titel' on the home page (it renders as nothing): check its spelling",
            "Themes/typo/templates/home.mustache:3:12: \(problem) 'date.year' on the home page (it renders as nothing): check its spelling",
            "Themes/typo/templates/home.mustache:3:62: \(problem) 'none' on the home page (it renders as nothing): check its spelling",
            "Themes/typo/templates/home.mustache:4:1: \(problem) 'strings.nope' on the home page (it renders as nothing): check its spelling",
            "Themes/typo/templates/typo-part.mustache:1:4: \(problem) 'query' on the search page (it renders as nothing): check its spelling",
        ])
    }
}

private extension PageFieldsTests {
    /// How a value differs from its fields; `seen` gathers the names that had a value.
    static func mismatches(_ value: MustacheValue, _ fields: MustacheFields, at path: String, seen: inout Set<String>, in name: String) -> [String] {
        switch value {
        case .null: return []
        case .object(let members):
            var found = Set(members.map(\.key)).symmetricDifference(fields.names.keys).sorted().map { "\(path): \($0)" }
            for (key, member) in members {
                guard let inner = fields.names[key] else { continue }
                if member != .null { seen.insert(name + "." + key) }
                found += mismatches(member, inner, at: path + "." + key, seen: &seen, in: name + "." + key)
            }
            return found
        case .list(let items):
            return items.flatMap { mismatches($0, fields, at: path + "[]", seen: &seen, in: name) }
        default:
            return fields.names.isEmpty ? [] : ["\(path) is a plain value, listed with names inside"]
        }
    }

    static func paths(_ fields: MustacheFields, prefix: String, into paths: inout [String]) {
        for (name, inner) in fields.names {
            paths.append(prefix + "." + name)
            Self.paths(inner, prefix: prefix + "." + name, into: &paths)
        }
    }
}
