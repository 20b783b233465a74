import Foundation
import Testing
@testable import TebikiCore

/// Helpers shared by the unit tests: in-memory sites and the fixture folder.
enum TestSites {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let repositoryRoot = fixtures.deletingLastPathComponent().deletingLastPathComponent()

    /// An article by its id; `languageFolder` for a translation (`en/…`).
    static func article(_ id: String, title: String = "T", markdown: String = "", lineOffset: Int = 3, languageFolder: String? = nil,
                        configure: (inout FrontMatter) -> Void = { _ in }) -> ArticleSource {
        var matter = FrontMatter()
        matter.title = title
        configure(&matter)
        return ArticleSource(id: id, path: "Articles/\(id).md", languageFolder: languageFolder, frontMatter: matter,
                             markdown: markdown, bodyLineOffset: lineOffset, lastModified: nil)
    }

    static func site(_ articles: [ArticleSource], assets: Set<String> = []) -> LoadedSite {
        let categories = Set(articles.map(\.categoryID)).sorted().map { Category(id: $0, title: $0) }
        var site = LoadedSite(root: URL(fileURLWithPath: "/nonexistent"), config: SiteConfig(), categories: categories,
                              articles: articles, assets: assets)
        site.sections = Set(articles.compactMap(\.sectionID)).sorted().map { Section(id: $0, title: $0) }
        return site
    }

    /// A rendered body, read like `RenderedMarkdown`, with what the parse stage reported.
    @dynamicMemberLookup
    struct Rendered {
        let article: ParsedArticle
        subscript<Value>(dynamicMember path: KeyPath<RenderedMarkdown, Value>) -> Value { article.body[keyPath: path] }
        var diagnostics: [Diagnostic] { article.diagnostics }
    }

    /// Renders `markdown` as the body of `login/signin` in a site that also has the given articles.
    static func render(_ markdown: String, others: [ArticleSource] = [], assets: Set<String> = [],
                       rawHTML: Bool = false) -> Rendered {
        let article = article("login/signin", markdown: markdown)
        let site = site([article] + others, assets: assets)
        var options = MarkdownRenderer.Options(rawHTML: rawHTML)
        options.calloutTitles = ["note": "Note", "warning": "Warning"]
        return Rendered(article: MarkdownParser.parse(article, resolver: LinkResolver(site: site), options: options))
    }

    /// A fresh, empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A site folder made of `files` (paths from the site folder to their text), in a fresh temporary folder.
    static func siteFolder(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Compares a page with `<fixture>-expected/<path>`; `UPDATE_SNAPSHOTS=1` rewrites the stored
    /// page after a deliberate change.
    static func expectSnapshot(_ actual: String, fixture: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expectedURL = fixtures.appendingPathComponent(fixture + "-expected").appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "run UPDATE_SNAPSHOTS=1 swift test to accept a deliberate change", sourceLocation: sourceLocation)
    }

    /// Copies a fixture site to a temporary folder, so a test may change it.
    static func copyOfFixture(_ name: String) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder)
        return folder
    }

    /// Every file under a folder with its contents, to compare whole output trees.
    static func snapshot(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path), !isDirectory(url) {
                files[String(url.path.dropFirst(folder.path.count))] = data
            }
        }
        return files
    }
}
