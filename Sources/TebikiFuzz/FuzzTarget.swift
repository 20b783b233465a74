// The fuzz targets reach the core's internals, which only a debug build (built for testing) exposes.
#if DEBUG
import Foundation
@testable import TebikiCore
@testable import TebikiServe

/// The parts of Tebiki that read writer or network input, each as a function of raw bytes
/// that must return without trapping, hanging or taking time out of proportion to its input.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Front matter splitting, YAML typing and the guidance in it; `tebiki.yml` and `_category.yml`.
    case frontMatter = "front-matter"
    /// Link and URL resolution, URL segments, aliases, and the preview server's path and host checks.
    case links
    /// The Markdown renderer: cmark's tree walk with heading ids, callouts, links and images.
    case markdown
    /// The preview server's request-head reader, fed in pieces.
    case http
    /// The SVG check.
    case svg

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .frontMatter:
            let split = FrontMatterSplit(text)
            if let yaml = split.yaml { _ = FrontMatter.parse(String(yaml), path: "Articles/f/f.md") }
            // Whatever the fast path reads, it must read as Yams does.
            if let fast = YAMLFastPath.mapping(text) {
                precondition(fast == (try? YAMLNode.composed(text)) ?? nil,
                             "the YAML fast path reads this differently from Yams")
            }
            _ = SiteConfig.parse(text, path: "tebiki.yml")
            _ = Category.parse(text, id: "f", path: "Articles/f/_category.yml")
        case .links:
            let resolver = Self.resolver
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
                let destination = String(line)
                _ = resolver.target(of: destination, from: "login/login")
                _ = resolver.target(of: destination, from: destination)
                _ = URLSegment.problem(destination)
                _ = SitePath.resolve(destination)
                _ = HostCheck(bound: "127.0.0.1").allows(destination)
                _ = HostCheck(bound: destination, allowed: [destination]).allows(destination)
            }
            var matter = FrontMatter()
            matter.title = "T"
            matter.aliases = text.split(separator: "\n").prefix(16).map { FrontMatter.Reference(value: String($0), location: SourceLocation("Articles/c/a.md")) }
            let article = ArticleSource(id: "c/a", path: "Articles/c/a.md", languageFolder: nil, frontMatter: matter,
                                        markdown: "", bodyLineOffset: 3, lastModified: nil)
            _ = AliasPages.check([article], assets: ["c/x.png"])
            _ = AliasPages.pages([article])
        case .markdown:
            let article = ArticleSource(id: "login/login", path: "Articles/login/login.md", languageFolder: nil, frontMatter: Self.matter, markdown: text, bodyLineOffset: 3, lastModified: nil)
            let parsed = MarkdownParser.parse(article, resolver: Self.resolver, options: .init(rawHTML: bytes.first.map { $0 & 1 == 1 } ?? false))
            _ = TermVector(parsed.body.sections.enumerated().map { .init($1.text, weight: 1, section: $0) })
        case .http:
            // Fed in pieces of varying size, as a socket hands bytes over.
            var buffer: [UInt8] = []
            var progress = RequestHead.Progress()
            var offset = 0
            var piece = 1
            while offset < bytes.count {
                let end = min(bytes.count, offset + piece)
                buffer += bytes[offset..<end]
                offset = end
                piece = piece * 3 % 17 + 1
                guard case .incomplete(let next) = RequestHead.parse(buffer, after: progress) else { break }
                progress = next
            }
        case .svg:
            _ = SVGScan.problem(in: text)
        }
    }

    /// Inputs to start from: what writers and browsers send.
    var seeds: [String] {
        switch self {
        case .frontMatter:
            ["---\ntitle: ログイン\ndescription: d\ntags: [a, b]\nweight: 1\nlastmod: 2026-02-28\nslug: sign-in\naliases: [/old/]\n---\nBody\n",
             "---\ntitle: T\ntour:\n  steps:\n    - title: s\n      body: b\n      step: 2\n      product: {url: \"*/x\", selector: \"#a\"}\nhints:\n  - text: t\n    heading: h\n---\n",
             "title: Help\nlanguage: en\nbaseURL: https://example.com/help/\nrawHTML: true\nrelatedCount: 3\n"]
        case .links:
            ["logout.md#steps\n../images/login-screen.svg\nhttps://example.com/\njavascript:alert(1)\n/%2e%2e/\n127.0.0.1:4000\n[::1]:80\n",
             "../../etc/passwd\n%252e%252e\nmailto:a@b\n#fragment\nlogin.md?x=1#y\n"]
        case .markdown:
            ["# タイトル {#id}\n\n1. [ログアウト](../login/logout.md#ログアウトの手順)\n2. ![画像](../images/x.png)\n\n> [!TIP]\n> ヒント\n\n```js\ncode\n```\n\n<b>raw</b> *em* `code`\n",
             "## a\n## a\n- [x](missing.md)\n[j](javascript:x)\n| a | b |\n|---|---|\n"]
        case .http:
            ["GET /login/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nAccept: */*\r\n\r\n", "HEAD / HTTP/1.0\n\n"]
        case .svg:
            ["<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onload=\"x()\"/><a href=\"&#106;avascript:x\"/><!-- c --><![CDATA[x]]></svg>"]
        }
    }
}

private extension FuzzTarget {
    static let matter: FrontMatter = {
        var matter = FrontMatter()
        matter.title = "ログイン"
        return matter
    }()

    static let resolver: LinkResolver = {
        let articles = ["login/login", "login/logout", "help/faq"].map { id in
            ArticleSource(id: id, path: "Articles/\(id).md", languageFolder: nil, frontMatter: matter,
                          markdown: "", bodyLineOffset: 3, lastModified: nil)
        }
        let site = LoadedSite(root: URL(fileURLWithPath: "/nonexistent"), config: SiteConfig(),
                              categories: [Category(id: "login", title: "L"), Category(id: "help", title: "H")],
                              articles: articles, assets: ["images/x.png", "images/login-screen.svg"])
        return LinkResolver(site: site)
    }()
}
#endif
