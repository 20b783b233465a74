import Testing
@testable import TebikiCore

@Suite("Link resolving")
struct LinkResolverTests {
    let resolver: LinkResolver = {
        let articles = [
            TestSites.article("login/signin"),
            TestSites.article("login/logout") { $0.slug = .init(value: "sign-out", location: SourceLocation("Articles/login/logout.md", line: 2, column: 7)) },
            TestSites.article("guests/ゲスト参加"),
        ]
        return LinkResolver(site: TestSites.site(articles, assets: ["images/screen.png", "login/menu.png"]))
    }()

    func href(_ destination: String) -> String? {
        let target = resolver.target(of: destination, from: "login/signin")
        return resolver.href(for: target, destination: destination, rootPrefix: "../../")
    }

    @Test func relativeMarkdownLinksBecomePageURLs() {
        #expect(resolver.target(of: "logout.md", from: "login/signin") == .article(id: "login/logout", fragment: nil))
        #expect(href("logout.md") == "../../login/sign-out/")
        #expect(href("./logout.md") == "../../login/sign-out/")
        #expect(href("../login/logout.md") == "../../login/sign-out/")
        #expect(href("/login/logout.md") == "../../login/sign-out/")
    }

    @Test func fragmentsAreKeptAndDecoded() {
        #expect(resolver.target(of: "logout.md#手順", from: "login/signin") == .article(id: "login/logout", fragment: "手順"))
        #expect(resolver.target(of: "logout.md#%E6%89%8B%E9%A0%86", from: "login/signin") == .article(id: "login/logout", fragment: "手順"))
        #expect(href("logout.md#steps") == "../../login/sign-out/#steps")
        #expect(resolver.target(of: "#%E6%89%8B%E9%A0%86", from: "login/signin") == .fragment("手順"))
    }

    @Test func japaneseAndPercentEncodedFileNamesResolve() {
        #expect(resolver.target(of: "../guests/ゲスト参加.md", from: "login/signin") == .article(id: "guests/ゲスト参加", fragment: nil))
        #expect(resolver.target(of: "../guests/%E3%82%B2%E3%82%B9%E3%83%88%E5%8F%82%E5%8A%A0.md", from: "login/signin")
            == .article(id: "guests/ゲスト参加", fragment: nil))
        #expect(href("../guests/ゲスト参加.md") == "../../guests/ゲスト参加/")
    }

    @Test func imagesBesideArticlesAndInTheImagesFolderResolve() {
        #expect(resolver.target(of: "menu.png", from: "login/signin") == .asset(path: "login/menu.png"))
        #expect(href("../images/screen.png") == "../../images/screen.png")
    }

    @Test func categoriesResolveToTheirPages() {
        #expect(resolver.target(of: "../guests/", from: "login/signin") == .category(id: "guests", fragment: nil))
        #expect(resolver.target(of: "../guests/#invite", from: "login/signin") == .category(id: "guests", fragment: "invite"))
        #expect(resolver.target(of: "../guests/index.md#invite", from: "login/signin") == .category(id: "guests", fragment: "invite"))
        #expect(resolver.target(of: "_index.md", from: "guests/join") == .category(id: "guests", fragment: nil))
        #expect(resolver.href(for: .category(id: "guests", fragment: "invite"), destination: "", rootPrefix: "../../") == "../../guests/#invite")
        #expect(href("../guests/") == "../../guests/")
    }

    @Test func missingTargetsAreReported() {
        #expect(resolver.target(of: "nothing.md", from: "login/signin") == .missing("nothing.md"))
        #expect(resolver.target(of: "../../outside.md", from: "login/signin") == .missing("../../outside.md"))
        #expect(resolver.target(of: "missing.png", from: "login/signin") == .missing("missing.png"))
    }

    @Test func externalAndUnsafeURLs() {
        #expect(resolver.target(of: "https://example.com/x.md", from: "login/signin") == .external)
        #expect(resolver.target(of: "mailto:a@example.com", from: "login/signin") == .external)
        #expect(resolver.target(of: "//cdn.example.com/a.png", from: "login/signin") == .external)
        #expect(resolver.target(of: "javascript:alert(1)", from: "login/signin") == .unsafe(scheme: "javascript"))
        #expect(href("javascript:alert(1)") == nil)
    }

    @Test(arguments: [
        ("login", "logout.md", "login/logout.md"),
        ("login", "./a/./b.md", "login/a/b.md"),
        ("login/sub", "../../x.md", "x.md"),
        ("login", "../ゲスト/参加.md", "ゲスト/参加.md"),
        ("login", "a//b/", "login/a/b/"),
        ("", "a/", "a/"),
        ("", "/", ""),
        ("login", "", "login"),
        ("login", "..", ""),
        ("", "..", nil),
        ("login", "../../x.md", nil),
    ] as [(String, String, String?)])
    func pathsAreJoinedToTheFolder(base: String, path: String, joined: String?) {
        #expect(LinkResolver.join(base: base[...], path) == joined)
    }
}
