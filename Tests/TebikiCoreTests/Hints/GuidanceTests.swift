import Foundation
import Testing
@testable import TebikiCore

@Suite("Tours, hints and the glossary")
struct GuidanceTests {
    /// Parses an article file (front matter and body) and returns it with every problem found.
    func parse(_ file: String, glossary: [GlossaryEntry] = [], others: [ArticleSource] = []) -> (ParsedArticle?, [String]) {
        let split = FrontMatterSplit(file)
        let (matter, problems) = FrontMatter.parse(split.yaml ?? "", path: "Articles/login/signin.md")
        let article = ArticleSource(id: "login/signin", path: "Articles/login/signin.md", languageFolder: nil, frontMatter: matter,
                                    markdown: String(split.body), bodyLineOffset: split.bodyLineOffset, lastModified: nil)
        var site = TestSites.site([article] + others, assets: ["images/screen.png"])
        site.glossary = [site.config.language: glossary]
        let resolver = LinkResolver(site: site)
        let parsed = MarkdownParser.parse(article, resolver: resolver, options: MarkdownParser.options(for: site, resolver: resolver, language: "ja"))
        return (parsed, (problems + parsed.diagnostics).map(\.description))
    }

    static let body = """
        ## Sign in {#sign-in}

        1. Open the page.
        2. Enter your name.
        3. Click **Sign in**.

        ![The sign-in screen](../images/screen.png)
        """

    @Test func aTourAndHintsBecomeSelectorsIntoThePage() throws {
        let (article, problems) = parse("""
            ---
            title: Sign in
            tour:
              title: Signing in
              autostart: true
              steps:
                - title: Find the form
                  body: The form is under **Sign in**.
                  heading: sign-in
                - title: Your name
                  body: Type it [here](signin.md#sign-in).
                  step: 2
                  product:
                    url: /login
                    selector: "#user"
                - title: The screen
                  body: It looks like this.
                  image: ../images/screen.png
            hints:
              - text: Forgot it? Ask your administrator.
                step: 3
                product: {url: "/login*", selector: "a.help"}
              - text: Only in the product.
                product: {url: "https://*.example.com/k/*", selector: "#menu"}
            ---
            \(Self.body)
            """)
        #expect(problems.isEmpty, "\(problems)")
        let guidance = try #require(article?.guidance)
        #expect(guidance.tourTitle == "Signing in")
        #expect(guidance.autostart)
        #expect(guidance.steps.map(\.selector) == ["[id=\"sign-in\"]", "[data-step=\"2\"]", "img[src=\"../../images/screen.png\"]"])
        #expect(guidance.steps[0].html == "The form is under <strong>Sign in</strong>.")
        #expect(guidance.steps[1].html == "Type it <a href=\"../../login/signin/#sign-in\">here</a>.")
        #expect(guidance.steps[1].product == Guidance.ProductTarget(url: "/login", selector: "#user"))
        #expect(guidance.hints.map(\.selector) == ["[data-step=\"3\"]", nil])
        #expect(article?.body.html.contains("<li data-step=\"2\">Enter your name.</li>") == true)
    }

    @Test func everyMistakeInATourIsAnErrorWhereItWasWritten() {
        let (_, problems) = parse("""
            ---
            title: Sign in
            tour:
              steps:
                - title: Find the form
                  body: ""
                  heading: sign-in
                - titel: Your name
                  body: Type it.
                  step: 9
                - title: Two targets
                  body: Pick one.
                  step: 1
                  heading: sign-in
                - title: No target
                  body: Where?
                - title: Bad product
                  body: Here.
                  step: 1
                  product: {url: login, selectr: "#x"}
                - title: A missing image
                  body: This one.
                  image: missing.png
            hints:
              - text: Nowhere to go.
              - text: Fine.
                step: 0
            ---
            \(Self.body)
            """)
        let path = "Articles/login/signin.md"
        #expect(problems.sorted() == [
            "\(path):6:13: error: 'body' must not be empty",
            "\(path):8:7: error: a tour step needs a 'title'",
            "\(path):8:7: error: unknown key 'titel' in a tour step; known keys: 'title', 'body', 'product', 'wait', 'heading', 'step', 'image'",
            "\(path):14:7: error: only one target in the article: 'heading', 'step' or 'image'",
            "\(path):15:7: error: a tour step needs a target in the article: 'heading', 'step' or 'image'",
            "\(path):20:16: error: 'product' needs a 'selector'",
            "\(path):20:22: error: 'url' must be a path such as /login or /k/*, or a whole URL such as https://*.example.com/login",
            "\(path):20:29: error: unknown key 'selectr' in product; known keys: 'url', 'selector', 'open'",
            "\(path):23:14: error: tour target: this article shows no image 'missing.png'",
            "\(path):25:5: error: a hint needs a target: 'heading', 'step' or 'image' in the article, or 'product'",
            "\(path):27:11: error: 'step' counts from 1",
        ].sorted())
    }

    @Test func audiencesAndWaitsAreReadAndCheckedWhereTheyAreWritten() throws {
        let (article, problems) = parse("""
            ---
            title: Sign in
            tour:
              audience: {role: [admin], plan: trial}
              steps:
                - title: Find the form
                  body: Here.
                  heading: sign-in
                  wait: 0.5
                  product: {url: /login, selector: "#user"}
                - title: Later
                  body: Wait.
                  step: 1
                  wait: -2
                - title: Never
                  body: Not a number.
                  step: 2
                  wait: soon
            hints:
              - text: For admins.
                product: {url: /login, selector: "#help"}
                audience: {role: [admin, owner], team: [a]}
            ---
            \(Self.body)
            """)
        let path = "Articles/login/signin.md"
        #expect(problems.sorted() == [
            "\(path):14:13: error: 'wait' must be a number of seconds above 0 and at most 60, such as 3 or 0.5",
            "\(path):18:13: error: 'wait' must be a number of seconds above 0 and at most 60, such as 3 or 0.5",
            "\(path):22:38: error: unknown key 'team' in audience; known keys: 'role', 'plan', 'segment'",
        ].sorted())
        let guidance = try #require(article?.guidance)
        #expect(guidance.audience.values == ["role": ["admin"], "plan": ["trial"]])
        #expect(guidance.steps.map(\.wait) == [0.5, nil, nil])
        #expect(guidance.hints.first?.audience.values == ["role": ["admin", "owner"]])
        let parsed = try #require(article)
        let widget = GuideData.widget([parsed], site: TestSites.site([parsed.source]), language: "ja")
        #expect(widget.contains(#""audience":{"plan":["trial"],"role":["admin"]},"steps":["#))
        #expect(widget.contains(##""selector":"#user","title":"Find the form","url":"/login","wait":500}"##))
        #expect(widget.contains(##""selector":"#help","url":"/login","audience":{"role":["admin","owner"]}}"##))
    }

    @Test func announcementsAreCheckedWhereTheyAreWritten() throws {
        let (article, problems) = parse("""
            ---
            title: Sign in
            announcements:
              - title: New sign-in page
                body: It has **moved**.
                url: /login
                from: 2026-12-01
                until: 2026-12-31
                style: banner
                action: {link: missing.md, label: More}
              - title: No body
                url: /login
              - title: Backwards
                body: Never shown.
                url: portal
                from: 2026-12-10
                until: 2026-12-09
                style: popup
                colour: red
              - title: Take the tour
                body: There is none.
                url: /login
                action: {tour: true}
            ---
            \(Self.body)
            """)
        let path = "Articles/login/signin.md"
        #expect(problems.sorted() == [
            "\(path):11:5: error: an announcement needs a 'body'",
            "\(path):15:10: error: 'url' must be a path such as /portal or /k/*, or a whole URL such as https://*.example.com/portal",
            "\(path):17:12: error: 'until' is not after 'from': the announcement would never show",
            "\(path):18:12: error: 'style' must be modal or banner",
            "\(path):19:5: error: unknown key 'colour' in an announcement; known keys: 'title', 'body', 'image', 'action', 'url', 'from', 'until', 'once', 'style', 'audience'",
            "\(path):20:5: error: the announcement starts this article's tour, but the article has no 'tour'",
        ].sorted())
        // The action's link is the article's, for the link check (reported at the announcement).
        let link = try #require(article?.body.links.first { $0.destination == "missing.md" })
        #expect(link.target == .missing("missing.md") && link.location.line == 4)
        let first = try #require(article?.guidance.announcements.first)
        #expect(first.html == "It has <strong>moved</strong>.")
        #expect(first.written.style == .banner)
        // Days are whole days in the site's time zone.
        var site = TestSites.site([try #require(article).source])
        site.config.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        let widget = GuideData.widget([try #require(article)], site: site, language: "ja")
        let from = ISO8601DateFormatter().date(from: "2026-11-30T15:00:00Z")!.timeIntervalSince1970 * 1000
        let until = ISO8601DateFormatter().date(from: "2026-12-31T15:00:00Z")!.timeIntervalSince1970 * 1000
        #expect(widget.contains("\"from\":\(Int64(from)),\"until\":\(Int64(until))"))
    }

    @Test func aProductSelectorABrowserWouldRefuseIsAnErrorAtIt() {
        let (_, problems) = parse("""
            ---
            title: Sign in
            hints:
              - text: Here.
                product: {url: /login, selector: "button:hovr"}
              - text: Fine.
                product: {url: /login, selector: "[data-testid='save'] >>> .x"}
              - text: Opens nowhere.
                product: {url: /login, selector: "#a", open: portal}
            ---
            \(Self.body)
            """)
        #expect(problems == [
            "Articles/login/signin.md:5:38: error: 'selector' is not a CSS selector a browser accepts: unknown pseudo-class ':hovr' (at character 7 of 'button:hovr')",
            "Articles/login/signin.md:9:50: error: 'open' must be the screen's address: a path such as /portal, or an http(s) URL",
        ])
    }

    @Test func aStepBeyondTheArticlesNumberedStepsNamesHowManyThereAre() {
        let (_, problems) = parse("""
            ---
            title: Sign in
            tour:
              steps:
                - title: Nine
                  body: Too far.
                  step: 9
            ---
            \(Self.body)
            """)
        #expect(problems == ["Articles/login/signin.md:7:13: error: tour target: step 9 does not exist; this article has only 3 numbered steps"])
    }

    @Test func aBrokenLinkInAStepsBodyIsReportedWhereTheBodyIsWritten() throws {
        let (parsed, _) = parse("""
            ---
            title: Sign in
            tour:
              steps:
                - title: Go on
                  body: Then read [the next part](nowhere.md).
                  step: 1
            hints:
              - text: "See [this](../gone/away.md#x)."
                step: 2
            ---
            \(Self.body)
            """)
        let article = try #require(parsed)
        let problems = LinkChecker.problems(in: article, headingIDs: LinkChecker.headingIDs([article]), titles: [:], otherToolIDs: [:],
                                            languageFolders: []).map(\.description)
        #expect(problems == ["Articles/login/signin.md:6:13: error: broken link: nothing at 'nowhere.md'",
                             "Articles/login/signin.md:9:11: error: broken link: nothing at '../gone/away.md#x'"])
    }

    @Test func theFirstUseOfAGlossaryTermInTheTextExplainsIt() throws {
        let glossary = [
            GlossaryEntry(term: "サブドメイン", definition: "URL の先頭部分。", article: .init(value: "login/url", location: SourceLocation("Articles/_glossary.yml", line: 3, column: 12))),
            GlossaryEntry(term: "portal", definition: "The first screen <after> login.", article: nil),
        ]
        let url = TestSites.article("login/url", title: "URL")
        let (article, problems) = parse("""
            ---
            title: Sign in
            ---
            ## サブドメインとは

            [サブドメイン](url.md) を確認します。`サブドメイン` はコードです。
            次にサブドメインを入力し、もう一度サブドメインを見ます。
            The Portal opens; the portals and the portal again.
            """, glossary: glossary, others: [url])
        #expect(problems.isEmpty, "\(problems)")
        let html = try #require(article?.body.html)
        // Not in the heading, the link or the code: the first use in plain text, once.
        #expect(html.components(separatedBy: "class=\"term-button\"").count == 3)
        #expect(html.contains("<h2 id=\"サブドメインとは\">サブドメインとは"))
        #expect(html.contains("次に<span class=\"term\"><button type=\"button\" class=\"term-button\" aria-expanded=\"false\" aria-controls=\"tebiki-term-1\">サブドメイン</button><span class=\"term-definition\" id=\"tebiki-term-1\"><span class=\"term-name\">サブドメイン</span> URL の先頭部分。 <a href=\"../../login/url/\">詳しく</a></span></span>を入力し、もう一度サブドメインを見ます。"))
        // Latin terms match whole words, ignoring case, and the definition is escaped.
        #expect(html.contains("The <span class=\"term\"><button type=\"button\" class=\"term-button\" aria-expanded=\"false\" aria-controls=\"tebiki-term-2\">Portal</button><span class=\"term-definition\" id=\"tebiki-term-2\"><span class=\"term-name\">portal</span> The first screen &lt;after&gt; login.</span></span> opens"))
    }

    @Test func theLongestTermWinsAndAnArticleDoesNotExplainItsOwnTerms() throws {
        let glossary = [
            GlossaryEntry(term: "ログイン", definition: "入ること。", article: .init(value: "login/signin", location: SourceLocation("Articles/_glossary.yml"))),
            GlossaryEntry(term: "ログインURL", definition: "組織のアドレス。", article: nil),
            GlossaryEntry(term: "URL", definition: "アドレス。", article: nil),
        ]
        let (article, _) = parse("""
            ---
            title: Sign in
            ---
            ログインURLを開き、ログインします。URL は一つです。
            """, glossary: glossary)
        let html = try #require(article?.body.html)
        #expect(html.contains("aria-controls=\"tebiki-term-1\">ログインURL</button>"))
        #expect(html.contains("aria-controls=\"tebiki-term-2\">URL</button>"))
        // login/signin is ログイン's own article: the term is not explained there.
        #expect(!html.contains(">ログイン</button>"))
    }

    @Test func aGlossaryFileIsCheckedEntryByEntry() {
        let (entries, problems) = GlossaryEntry.parse("""
            - term: サブドメイン
              definition: URL の先頭部分。
              article: login/url
            - term: ""
              definition: x
            - definition: no term
              colour: red
            - term: サブドメイン
              definition: again
            """, path: "Articles/_glossary.yml")
        #expect(entries.map(\.term) == ["サブドメイン"])
        #expect(entries.first?.article == .init(value: "login/url", location: SourceLocation("Articles/_glossary.yml", line: 3, column: 12)))
        #expect(problems.map(\.description) == [
            "Articles/_glossary.yml:4:9: error: 'term' must not be empty",
            "Articles/_glossary.yml:7:3: error: unknown key 'colour' in a glossary entry; known keys: 'term', 'definition', 'article'",
            "Articles/_glossary.yml:6:3: error: a glossary entry needs a 'term'",
            "Articles/_glossary.yml:8:9: error: 'サブドメイン' is already in the glossary",
        ])
    }
}
