import Testing
@testable import TebikiCore

/// What Tebiki adds to CommonMark: tables beyond the conformance examples (in lists and quotes,
/// links in cells), `:::` containers, tabs and code groups. Bodies start on line 4: three lines
/// of front matter come first.
@Suite("Tables, containers and tabs")
struct ExtendedMarkdownTests {
    @Test func tablesWorkInsideListsAndBlockQuotesAndScrollInTheirWrapper() {
        let body = TestSites.render("- item\n\n  | a | b |\n  |---|--:|\n  | 1 | 2 |\n\n> | x |\n> | - |\n> | y |\n")
        #expect(body.html.contains("<li><p>item</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>a</th>\n<th class=\"align-right\">b</th>"))
        #expect(body.html.contains("<blockquote>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>x</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>y</td>"))
    }

    @Test func aLinkInACellIsCheckedAtItsOwnLineAndColumn() {
        let body = TestSites.render("| 機能 | 説明 |\n| --- | --- |\n| ログイン | [手順](missing.md) と ~~旧~~ |\n")
        let link = body.links.first
        #expect(link?.destination == "missing.md")
        #expect(link?.location.line == 6)
        // "| ログイン | " is 9 characters: the link starts at the 10th.
        #expect(link?.location.column == 10)
        #expect(body.html.contains("<del>旧</del>"))
        #expect(body.sections.first?.text.contains("ログイン 手順 と 旧") == true)
    }

    @Test func aMalformedDelimiterRowLeavesAParagraph() {
        let body = TestSites.render("| a | b |\n| -x- | --- |\n| 1 | 2 |\n")
        #expect(body.html.hasPrefix("<p>| a | b |"))
        #expect(!body.html.contains("<table"))
    }

    @Test(arguments: [
        ("::: tip", "callout-tip", "Tip"), ("::: info", "callout-note", "Note"), ("::: warning", "callout-warning", "Warning"),
        ("::: danger", "callout-caution", "Caution"), ("::: caution", "callout-caution", "Caution"), ("::: important", "callout-important", "Important"),
        (":::message", "callout-note", "Note"), (":::message alert", "callout-warning", "Warning"),
        (":::note info", "callout-note", "Note"), (":::note warn", "callout-warning", "Warning"), (":::note alert", "callout-caution", "Caution"),
    ])
    func containersBecomeTheCalloutBoxesOfGitHubsAlerts(fence: String, kind: String, title: String) {
        let body = TestSites.render("Before\n\(fence)\nInside **bold**\n:::\nAfter\n")
        let titles = ["Note": "Note", "Warning": "Warning"]
        let shown = titles[title] ?? title.capitalized
        #expect(body.html == "<p>Before</p>\n<div class=\"callout \(kind)\" role=\"note\">\n<p class=\"callout-title\">\(shown)</p>\n<p>Inside <strong>bold</strong></p>\n</div>\n<p>After</p>\n")
        #expect(body.diagnostics.isEmpty)
    }

    @Test func aTitleAfterTheTypeIsInlineMarkdownAndDetailsFold() {
        let body = TestSites.render("::: warning 古い `v1` の API\ntext\n:::\n\n::: details クリックして開く\nhidden\n:::\n\n:::tip[Docusaurus の書き方]\nx\n:::\n")
        #expect(body.html.contains("<p class=\"callout-title\">古い <code>v1</code> の API</p>"))
        #expect(body.html.contains("<details class=\"details\">\n<summary>クリックして開く</summary>\n<p>hidden</p>\n</details>"))
        #expect(body.html.contains("<p class=\"callout-title\">Docusaurus の書き方</p>"))
    }

    @Test func longerFencesNestAndContainersWorkInListItems() {
        let body = TestSites.render(":::: warning\nouter\n::: tip\ninner\n:::\nstill outer\n::::\n\n1. Step\n   ::: tip\n   In the step\n   :::\n2. Next\n")
        #expect(body.html.contains("<p>outer</p>\n<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>inner</p>\n</div>\n<p>still outer</p>\n</div>"))
        #expect(body.html.contains("<li data-step=\"1\">Step<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>In the step</p>\n</div>\n</li>"))
        #expect(body.diagnostics.isEmpty)
    }

    @Test func fencesInCodeAreCode() {
        let body = TestSites.render("```md\n::: tip\nnot a box\n:::\n```\n")
        #expect(body.html == "<pre><code class=\"language-md\">::: tip\nnot a box\n:::\n</code></pre>\n")
    }

    @Test func anUnknownTypeIsAPlainBoxWithAWarningAndAnUnclosedOneAnError() {
        let body = TestSites.render("::: sidebar 横\ntext\n:::\n\n::: tip\nnever closed\n")
        #expect(body.html.contains("<div class=\"container container-sidebar\">\n<p class=\"container-title\">横</p>\n<p>text</p>\n</div>"))
        #expect(!body.html.contains(":::"))
        #expect(body.diagnostics.map(\.reported) == [
            "Articles/login/signin.md:4:5: warning: unknown container type 'sidebar': use note, tip, important, warning, caution, details, tabs or code-group; it is shown as a plain box [container-unknown]",
            "Articles/login/signin.md:8:1: error: this container is not closed: add a line with ':::' where it ends [container-unclosed]",
        ])
    }

    @Test func aContainerLeftOpenInAListItemIsAnErrorThereAndAStrayFenceAWarning() {
        let body = TestSites.render("- item\n  ::: tip\n  text\n\n:::\n")
        #expect(body.diagnostics.map(\.reported) == [
            "Articles/login/signin.md:5:3: error: this container is not closed inside the list or quote it opened in: add a ':::' line there, indented like the opening one [container-unclosed]",
        ])
        #expect(body.html.contains("<p>text</p>\n</div>\n</li>"))
        let stray = TestSites.render("text\n\n:::\n")
        #expect(stray.diagnostics.map(\.code) == [.containerStray])
        #expect(stray.html == "<p>text</p>\n")
    }

    @Test func tabsHaveAPanelPerLabelAndEveryPanelIsInTheText() {
        let body = TestSites.render("::: tabs\n== PC\n画面右上の歯車を押します。\n== スマートフォン\n下のメニューを押します。\n:::\n")
        #expect(body.html == "<div class=\"tabs\">\n<div class=\"tab-panel\" data-tab-label=\"PC\"><p class=\"tab-label\">PC</p>\n<p>画面右上の歯車を押します。</p>\n</div>\n<div class=\"tab-panel\" data-tab-label=\"スマートフォン\"><p class=\"tab-label\">スマートフォン</p>\n<p>下のメニューを押します。</p>\n</div>\n</div>\n")
        let text = body.sections.map(\.text).joined()
        #expect(text.contains("歯車") && text.contains("下のメニュー") && text.contains("スマートフォン"))
    }

    @Test func aCodeGroupIsTabsOfItsCodeBlocksLabelledByTheirTitles() {
        let body = TestSites.render("::: code-group\n```sh [npm]\nnpm i\n```\n```sh [pnpm]\npnpm add\n```\n:::\n")
        #expect(body.html == "<div class=\"tabs code-group\">\n<div class=\"tab-panel\" data-tab-label=\"npm\"><p class=\"tab-label\">npm</p>\n<pre><code class=\"language-sh\">npm i\n</code></pre>\n</div>\n<div class=\"tab-panel\" data-tab-label=\"pnpm\"><p class=\"tab-label\">pnpm</p>\n<pre><code class=\"language-sh\">pnpm add\n</code></pre>\n</div>\n</div>\n")
    }

    @Test func taskItemsHaveDisabledLabelledBoxes() {
        let body = TestSites.render("- [x] 申し込む\n- [ ] 設定する\n")
        #expect(body.html == "<ul>\n<li class=\"task\"><input type=\"checkbox\" disabled checked aria-label=\"Done\"> 申し込む</li>\n<li class=\"task\"><input type=\"checkbox\" disabled aria-label=\"Not done\"> 設定する</li>\n</ul>\n")
    }

    @Test func autolinksAreNotMadeInsideCodeOrLinks() {
        let body = TestSites.render("`https://example.com` and [https://a.example](https://b.example) and https://c.example.\n")
        #expect(body.html == "<p><code>https://example.com</code> and <a href=\"https://b.example\">https://a.example</a> and <a href=\"https://c.example\">https://c.example</a>.</p>\n")
    }

    @Test(arguments: [1_000, 10_000])
    func bigTablesAndDeepNestingRenderWhole(size: Int) {
        let rows = (1...size).map { "| r\($0) | [x](#x) |" }.joined(separator: "\n")
        let tall = TestSites.render("| a | b |\n| - | - |\n" + rows + "\n")
        #expect(tall.html.components(separatedBy: "<tr>").count == size + 2)
        #expect(tall.links.last?.location.line == size + 5)
        let columns = min(size, 1_000)
        let wide = TestSites.render(String(repeating: "| c ", count: columns) + "|\n" + String(repeating: "|---", count: columns) + "|\n")
        #expect(wide.html.components(separatedBy: "<th>").count == columns + 1)
        let depth = min(size, 1_000)
        let nested = TestSites.render((0..<depth).map { String(repeating: ":", count: 3 + depth - $0) + " tip\n" }.joined() + "deep\n"
                                      + (0..<depth).map { String(repeating: ":", count: 4 + $0) + "\n" }.joined())
        #expect(nested.html.components(separatedBy: "callout-tip").count == depth + 1)
        #expect(nested.diagnostics.isEmpty)
    }

    @Test func aFenceRightAfterRawHTMLStillClosesItsContainer() {
        let body = TestSites.render("::: tip\n<details>\n<summary>S</summary>\n\nx\n</details>\n:::\n\nAfter\n", rawHTML: true)
        #expect(body.diagnostics.isEmpty)
        #expect(body.html.hasSuffix("</details>\n</div>\n<p>After</p>\n"))
    }

    @Test func imagesGetTheirSizeAndOnlyTheFirstLoadsAtOnce() {
        var options = MarkdownRenderer.Options()
        options.imageSizes = ["images/a.png": ImageSize(width: 800, height: 450)]
        let article = TestSites.article("login/signin", markdown: "![A](../images/a.png)\n\n![B](../images/b.png)\n")
        let site = TestSites.site([article], assets: ["images/a.png", "images/b.png"])
        let body = MarkdownParser.parse(article, resolver: LinkResolver(site: site), options: options).body
        #expect(body.html == "<p><img src=\"../../images/a.png\" alt=\"A\" width=\"800\" height=\"450\"></p>\n<p><img src=\"../../images/b.png\" alt=\"B\" loading=\"lazy\"></p>\n")
    }

    @Test func rawHTMLImagesAreResolvedAndItsIDsAreFragmentTargets() {
        let markdown = "<div id=\"plans\" class=\"x\">\n<img src=\"../images/a.png\" alt=\"A\"> <IMG SRC='../images/gone.png'>\n</div>\n\n[表](#plans) and <span id='inline'>i</span>\n"
        let body = TestSites.render(markdown, assets: ["images/a.png"], rawHTML: true)
        #expect(body.html.contains(#"<img src="../../images/a.png" alt="A"> <IMG SRC='../images/gone.png'>"#))
        #expect(body.rawHTMLIDs == ["plans", "inline"])
        #expect(body.fragmentIDs.isSuperset(of: ["plans", "inline"]))
        let images = body.links.filter { $0.kind == .image }
        #expect(images.map(\.target) == [.asset(path: "images/a.png"), .missing("../images/gone.png")])
        // Line 5 of the file (three front matter lines first), at the value's first character.
        #expect(images.map { "\($0.location.line):\($0.location.column)" } == ["5:11", "5:47"])
        let article = ParsedArticle(source: TestSites.article("login/signin"), body: body.article.body, terms: body.article.terms,
                                    guidance: .init(), diagnostics: [])
        let problems = LinkChecker.problems(in: article, headingIDs: LinkChecker.headingIDs([article]), titles: [:], otherToolIDs: [:],
                                            languageFolders: [])
        #expect(problems.map(\.description) == ["Articles/login/signin.md:5:47: error: broken image: nothing at '../images/gone.png'"])
    }
}
