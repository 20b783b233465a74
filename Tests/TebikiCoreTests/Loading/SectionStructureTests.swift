import Foundation
import Testing
@testable import TebikiCore

/// Where an article's folders put it: its category, its section, its page's address and depth,
/// and what links into a section resolve to.
@Suite("Section structure")
struct SectionStructureTests {
    @Test func foldersOfTheIDAreTheCategoryAndTheSection() {
        let flat = TestSites.article("login/signin")
        #expect(flat.categoryID == "login")
        #expect(flat.sectionID == nil)
        #expect(flat.folderID == "login")
        #expect(flat.urlPath == "login/signin/")
        #expect(flat.pageDepth == 2)

        let nested = TestSites.article("admin/users/invite") { $0.slug = .init(value: "add", location: SourceLocation("x")) }
        #expect(nested.categoryID == "admin")
        #expect(nested.sectionID == "admin/users")
        #expect(nested.folderID == "admin/users")
        #expect(nested.urlPath == "admin/users/add/", "the slug replaces the file name, not the folders")
        #expect(nested.pageDepth == 3)
        #expect(Section(id: "admin/users", title: "Users").categoryID == "admin")
        #expect(Section(id: "admin/users", title: "Users").name == "users")
    }

    @Test func sectionsAndTheirIntroductionsAreLinkTargets() {
        let site = TestSites.site([TestSites.article("admin/users/invite"), TestSites.article("admin/overview"), TestSites.article("start/welcome")])
        let resolver = LinkResolver(site: site)
        #expect(resolver.target(of: "../admin/users/", from: "start/welcome") == .category(id: "admin/users", fragment: nil))
        #expect(resolver.target(of: "users/index.md#top", from: "admin/overview") == .category(id: "admin/users", fragment: "top"))
        #expect(resolver.target(of: "../overview.md", from: "admin/users/invite") == .article(id: "admin/overview", fragment: nil))
        #expect(resolver.target(of: "../../start/welcome.md", from: "admin/users/invite") == .article(id: "start/welcome", fragment: nil))
        let target = resolver.target(of: "../admin/users/", from: "start/welcome")
        #expect(resolver.href(for: target, destination: "../admin/users/", rootPrefix: "../../") == "../../admin/users/")
        #expect(resolver.target(of: "../admin/nothing/", from: "start/welcome") == .missing("../admin/nothing/"))
    }

    /// A window of ten around the article, moved in at either end of the section.
    @Test(arguments: [(0, 0..<10), (4, 0..<10), (5, 0..<10), (6, 1..<11), (20, 15..<25), (39, 30..<40)])
    func siblingsAreAWindowAroundTheArticle(position: Int, shown: Range<Int>) {
        let articles = (0..<40).map { TestSites.article("admin/users/a\($0)") }
        let siblings = SectionSiblings(section: Section(id: "admin/users", title: "Users"), articles: articles[...], position: position)
        #expect(siblings.count == 40)
        #expect(siblings.shown.map(\.id) == shown.map { "admin/users/a\($0)" })
        #expect(siblings.shown.contains { $0.id == "admin/users/a\(position)" })
    }

    @Test func aShortSectionIsShownWhole() {
        let articles = (0..<3).map { TestSites.article("admin/users/a\($0)") }[1...]
        let siblings = SectionSiblings(section: Section(id: "admin/users", title: "Users"), articles: articles, position: 1)
        #expect(siblings.shown.map(\.id) == ["admin/users/a1", "admin/users/a2"])
    }

    /// The loader's reading order: a category's own articles, then its sections in their order,
    /// each section's articles by weight.
    @Test func readingOrderIsOwnArticlesThenSectionsInOrder() throws {
        let root = try TestSites.siteFolder([
            "Articles/a/z-own.md": "---\ntitle: Own\n---\n",
            "Articles/a/first/_section.yml": "title: Zulu\norder: 1\n",
            "Articles/a/first/two.md": "---\ntitle: Two\nweight: 2\n---\n",
            "Articles/a/first/one.md": "---\ntitle: One\nweight: 1\n---\n",
            "Articles/a/second/only.md": "---\ntitle: Only\n---\n",
            "Articles/a/pictures/shot.png": "not really a PNG",
            "Articles/b/x.md": "---\ntitle: X\n---\n",
        ])
        let (site, diagnostics) = SiteLoader.load(root: root)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(site.articles.map(\.id) == ["a/z-own", "a/first/one", "a/first/two", "a/second/only", "b/x"])
        #expect(site.sections.map(\.id) == ["a/first", "a/second"], "a folder of images is not a section")
        #expect(site.sections.map(\.title) == ["Zulu", "second"])
        #expect(site.assets.contains("a/pictures/shot.png"))
        let category = try #require(site.categories.first)
        #expect(site.ownArticles(of: category).map(\.id) == ["a/z-own"])
        #expect(site.articles(in: site.sections[0]).map(\.id) == ["a/first/one", "a/first/two"])
    }
}
