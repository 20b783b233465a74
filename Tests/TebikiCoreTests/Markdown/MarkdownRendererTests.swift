import Testing
@testable import TebikiCore

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    @Test func headingsGetIDsAndAnchorsAndFormTheTableOfContents() {
        let body = TestSites.render("# Title\n\n## 手順\n\n### Detail *one*\n\n## 手順\n\n#### Deep\n")
        #expect(body.headings.map(\.id) == ["title", "手順", "detail-one", "手順-1", "deep"])
        #expect(body.tableOfContents.map(\.text) == ["手順", "Detail one", "手順"])
        #expect(body.html.contains(##"<h3 id="detail-one">Detail <em>one</em><a class="heading-anchor" href="#detail-one""##))
        #expect(body.html.contains(#"<h2 id="手順-1">"#))
        // Heading lines are counted in the file: three front matter lines come first.
        #expect(body.headings.map(\.line) == [4, 6, 8, 10, 12])
    }

    /// cmark is not asked to check the UTF-8 (a String's always is valid): what CommonMark says
    /// of U+0000 still holds, and text of every script comes through as it was.
    @Test func aNulCharacterBecomesTheReplacementCharacter() {
        let body = TestSites.render("a\u{0}b ログ\u{0}イン\n\n`x\u{0}y` café 🎉\n")
        #expect(body.html.contains("a\u{FFFD}b ログ\u{FFFD}イン"))
        #expect(body.html.contains("<code>x\u{FFFD}y</code> café 🎉"))
        #expect(!body.html.contains("\u{0}"))
    }

    @Test func customIDIsTakenAndRemovedFromTheText() {
        let body = TestSites.render("## ログイン方法 {#login-steps}\n\nText\n")
        #expect(body.headings.first?.id == "login-steps")
        #expect(body.headings.first?.text == "ログイン方法")
        #expect(body.html.hasPrefix(#"<h2 id="login-steps">ログイン方法<a"#))
        #expect(!body.html.contains("{#"))
    }

    @Test func duplicateCustomIDIsAnError() {
        let body = TestSites.render("## A {#x}\n\n## B {#x}\n")
        #expect(body.diagnostics.map(\.description) == ["Articles/login/signin.md:6:1: error: heading id 'x' is used twice in this article"])
    }

    @Test func rawHTMLIsDroppedInSafeModeWithOneWarning() {
        let body = TestSites.render("<script>alert(1)</script>\n\nA <b>bold</b> <i>move</i>.\n")
        #expect(!body.html.contains("<script"))
        #expect(!body.html.contains("<b>"))
        #expect(body.html.contains("<p>A bold move.</p>"))
        #expect(body.diagnostics.count == 1)
        #expect(body.diagnostics.first?.severity == .warning)
        #expect(body.diagnostics.first?.line == 4)
    }

    @Test func rawHTMLIsKeptWhenTheSiteOptsIn() {
        let body = TestSites.render("<div class=\"x\">kept</div>\n\nA <kbd>K</kbd>\n", rawHTML: true)
        #expect(body.html.contains("<div class=\"x\">kept</div>"))
        #expect(body.html.contains("<kbd>K</kbd>"))
        #expect(body.diagnostics.isEmpty)
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "data:text/html,<script>", "file:///etc/passwd"])
    func unsafeURLsNeverBecomeLinks(url: String) {
        let body = TestSites.render("[click](\(url)) and ![img](\(url))\n")
        #expect(!body.html.contains("href"))
        #expect(!body.html.contains("src"))
        #expect(body.html.contains("click"))
        #expect(body.links.allSatisfy { if case .unsafe = $0.target { true } else { false } })
    }

    @Test func textAndAttributesAreEscaped() {
        let body = TestSites.render("Tom & \"Jerry\" <3\n\n[x](https://e.com/?a=1&b=\"2\" \"a \\\"title\\\"\")\n\n![a < b & \"c\"](https://e.com/i.png)\n")
        #expect(body.html.contains("<p>Tom &amp; &quot;Jerry&quot; &lt;3</p>"))
        #expect(body.html.contains(#"href="https://e.com/?a=1&amp;b=%222%22""#))
        #expect(body.html.contains(#"title="a &quot;title&quot;""#))
        #expect(body.html.contains(#"alt="a &lt; b &amp; &quot;c&quot;""#))
    }

    @Test func lineBreaksBetweenJapaneseCharactersDoNotBecomeSpaces() {
        let body = TestSites.render("ログイン画面を開き、\nログイン名を入力します。\nThen\ntype.\n")
        #expect(body.html.contains("ログイン画面を開き、ログイン名を入力します。\nThen\ntype."))
    }

    @Test func tightListsHaveNoParagraphsAndLooseListsDo() {
        let tight = TestSites.render("- a\n- b\n")
        #expect(tight.html == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        let loose = TestSites.render("3. a\n\n4. b\n")
        #expect(loose.html == "<ol start=\"3\">\n<li data-step=\"1\"><p>a</p>\n</li>\n<li data-step=\"2\"><p>b</p>\n</li>\n</ol>\n")
    }

    @Test func numberedStepsAreCountedThroughTheTopLevelNumberedLists() {
        let body = TestSites.render("1. a\n   1. nested\n2. b\n\n- bullet\n\n1. c\n")
        #expect(body.steps == 3)
        #expect(body.html.contains("<li data-step=\"1\">a<ol>\n<li>nested</li>"))
        #expect(body.html.contains("<li data-step=\"3\">c</li>"))
        #expect(!body.html.contains("<li data-step=\"1\">bullet"))
    }

    @Test func codeBlocksKeepTheirLanguageAndEscapeTheirText() {
        let body = TestSites.render("```html\n<a href=\"x\">&</a>\n```\n")
        #expect(body.html == "<pre><code class=\"language-html\">&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;\n</code></pre>\n")
    }

    @Test func wordsCountJapaneseCharactersAndLatinWords() {
        #expect(TestSites.render("Sign in to the app.\n").wordCount == 5)
        #expect(TestSites.render("ログインする\n").wordCount == 6)
        #expect(TestSites.render("Open `https://example.com` now, 2 times.\n").wordCount == 7)
    }

    /// Counted on the UTF-8: CJK and full-width punctuation are not words, accented letters and
    /// emoji are parts of words, dashes and no-break spaces end them.
    @Test(arguments: [
        ("「ログイン」、完了。", 6), ("café crème—très bien", 4), ("don't stop_me now\u{00A0}ok", 4),
        ("ＡＢＣ！ｘ", 4), ("😀 smile 😀😀", 3), ("abc日本def", 4), ("Ωμέγα, Привет мир", 3), ("x\u{2028}y", 2),
    ])
    func wordsCountEveryKindOfCharacter(text: String, count: Int) {
        #expect(TestSites.render(text + "\n").wordCount == count)
    }

    /// Kana and kanji are counted from their bytes, ASCII against a mask: random texts of
    /// letters, digits, spaces, kana, kanji, CJK punctuation, the U+3100–U+33FF and U+4DC0
    /// blocks that are not wide script, full-width forms, accents and emoji give the count of
    /// the rule read a scalar at a time.
    @Test func wordsCountAsTheRuleReadScalarByScalar() {
        func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
            switch category {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation: true
            default: false
            }
        }
        func reference(_ text: String) -> Int {
            var (words, inBreak) = (0, true)
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if scalar.isWideScript {
                    if !(0x3000...0x303F).contains(value) && !(0xFF01...0xFF0F).contains(value) { words += 1 }
                    inBreak = true
                    continue
                }
                let isBreak = value < 0x80
                    ? !(("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || scalar == "'")
                    : scalar.properties.isWhitespace || isPunctuation(scalar.properties.generalCategory)
                if isBreak {
                    inBreak = true
                } else if inBreak {
                    words += 1
                    inBreak = false
                }
            }
            return words
        }
        let pool: [Unicode.Scalar] = ["a", "Z", "7", "'", " ", " ", ",", ".", "-", "ロ", "ぐ", "ー", "日", "本", "\u{3400}", "\u{9FFF}",
                                      "、", "。", "「", "\u{3105}", "\u{3231}", "\u{3314}", "\u{4DC0}", "Ａ", "！", "ｶ", "é", "ß", "—",
                                      "😀", "\u{00A0}", "\u{2028}", "Ω"]
        var random = SeededRandom(seed: 11)
        for _ in 0..<400 {
            let text = "x " + String(String.UnicodeScalarView((0..<random.next(below: 40)).map { _ in pool[random.next(below: pool.count)] }))
            #expect(TestSites.render(text + "\n").wordCount == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func linkPositionsAreFileLinesAndCharacterColumns() {
        let body = TestSites.render("日本語の[リンク](https://example.com)\n\nx ![画像](https://e.com/a.png)\n")
        #expect(body.links.map(\.location.line) == [4, 6])
        // Columns count characters, not UTF-8 bytes.
        #expect(body.links.map(\.location.column) == [5, 3])
    }
}

@Suite("Text sections")
struct TextSectionTests {
    @Test func textIsCutAtSecondAndThirdLevelHeadings() {
        let body = TestSites.render("Intro *text*.\n\n## 手順\n\nStep `code` one.\n\n#### Deep\n\nStill steps.\n\n### More {#more}\n\nLast.\n")
        #expect(body.sections.map(\.id) == [nil, "手順", "more"])
        #expect(body.sections.map(\.heading) == ["", "手順", "More"])
        #expect(body.sections[0].text == "Intro text.\n")
        // Inline code stays in the text, marked; the section's code is apart. The section's own
        // heading is not in its text; a fourth-level heading stays in its section.
        #expect(body.sections[1].text == "\nStep \u{E000}code\u{E001} one.\nDeep\nStill steps.\n")
        #expect(body.sections[1].code == "code")
        #expect(body.sections[2].text == "\nLast.\n")
        let blocks = TestSites.render("Text `a`.\n\n```js\nlet x = 1\n```\n\n## Next\n\n    indented\n")
        #expect(blocks.sections.map(\.code) == ["a\nlet x = 1", "indented"])
    }

    /// Once its terms are counted, a section keeps only the code lines a snippet may show.
    @Test func longCodeIsIndexedWholeButKeptShort() {
        let lines = (0..<500).map { "    let value\($0) = compute\($0)()   " }
        let article = TestSites.render("## Code\n\n```swift\n" + lines.joined(separator: "\n") + "\n" + lines[0] + "\n```\n")
        let kept = article.sections[1].code.split(separator: "\n")
        #expect(kept.first == "let value0 = compute0()")
        #expect(Set(kept).count == kept.count, "each line once")
        #expect(article.sections[1].code.unicodeScalars.count < TextSection.snippetCodeLimit + TextSection.snippetCodeLineLimit + kept.count)
        #expect(article.article.terms.words.values.contains("value499"), "the terms come from all of it")
    }

    /// Both limits count characters, not bytes: kana take three bytes each.
    @Test func snippetCodeLimitsCountCharacters() {
        let kana = (0..<9).map { String(repeating: "ロ", count: 59) + String($0) }
        let lines = TextSection(id: nil, heading: "", text: "", code: kana.joined(separator: "\n")).snippetCodeLines
        // 60 characters a line: the seventh passes 400, where counted in bytes the third would.
        #expect(lines.count == 7)
        let long = TextSection(id: nil, heading: "", text: "", code: String(repeating: "ログ", count: 80) + "\n" + String(repeating: "a", count: 101))
            .snippetCodeLines
        #expect(long.map { $0.unicodeScalars.count } == [100, 100])
        #expect(long[0].hasPrefix("ログログ"))
    }

    /// The index splits a kept section's code back into its lines rather than working them out
    /// again: they are the lines worked out from the whole code.
    @Test func keptCodeSplitsBackIntoTheSnippetLines() {
        let long = String(repeating: "ログイン", count: 40)
        for code in ["", "one", "a\n\n  a  \n\tb\r\n", "x\r\ny\rz\n", long + "\n" + long + "\nend",
                     (0..<200).map { "line \($0) of the code" }.joined(separator: "\n")] {
            let section = TextSection(id: nil, heading: "", text: "", code: code)
            #expect(section.keepingSnippetCode.keptCodeLines == section.snippetCodeLines, "\(code.prefix(20))")
        }
    }
}

@Suite("Callouts")
struct CalloutTests {
    @Test func alertMarkersBecomeTitledBoxes() {
        let body = TestSites.render("> [!NOTE]\n> Useful *information*.\n\n> [!WARNING]\n>\n> Two paragraphs.\n>\n> Second.\n")
        #expect(body.html == """
            <div class="callout callout-note" role="note">
            <p class="callout-title">Note</p>
            <p>Useful <em>information</em>.</p>
            </div>
            <div class="callout callout-warning" role="note">
            <p class="callout-title">Warning</p>
            <p>Two paragraphs.</p>
            <p>Second.</p>
            </div>

            """)
    }

    @Test func otherQuotesStayQuotes() {
        #expect(TestSites.render("> [!UNKNOWN]\n> text\n").html.hasPrefix("<blockquote>\n<p>[!UNKNOWN]\ntext</p>"))
        #expect(TestSites.render("> Just a quote.\n").html == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
        #expect(TestSites.render("> [!NOTE] inline text\n").html.hasPrefix("<blockquote>"))
    }
}

@Suite("Code block info strings")
struct CodeBlockInfoTests {
    @Test(arguments: [
        ("js", "js", [], false, nil),
        ("js{4}", "js", [4], false, nil),
        ("js{1,3-5}", "js", [1, 3, 4, 5], false, nil),
        ("ts:line-numbers", "ts", [], true, nil),
        ("ts:line-numbers {2}", "ts", [2], true, nil),
        ("js title=\"app.js\"", "js", [], false, "app.js"),
        ("sh [macOS]", "sh", [], false, "macOS"),
        ("python {x,0,-3,5-2}", "python", [], false, nil),
        ("", "", [], false, nil),
    ] as [(String, String, [Int], Bool, String?)])
    func parsesLanguageAndOptions(info: String, language: String, lines: [Int], numbers: Bool, title: String?) {
        let parsed = CodeBlockInfo(info)
        #expect(parsed.language == language)
        #expect(parsed.highlighted == Set(lines))
        #expect(parsed.lineNumbers == numbers)
        #expect(parsed.title == title)
    }

    @Test func aHugeRangeStaysSmall() {
        #expect(CodeBlockInfo("js{1-999999999999}").highlighted.count <= CodeBlockInfo.highlightLimit)
    }

    @Test func plainBlocksRenderAsBeforeAndOptionsAsLinesWithATitle() {
        #expect(TestSites.render("```js\nlet a = 1\n```\n").html == "<pre><code class=\"language-js\">let a = 1\n</code></pre>\n")
        let html = TestSites.render("```js{2} title=\"<app>.js\"\none()\ntwo()\n```\n").html
        #expect(html == "<figure class=\"code-block\"><figcaption>&lt;app&gt;.js</figcaption><pre><code class=\"language-js\">"
                + "<span class=\"line\">one()</span>\n<span class=\"line highlighted\">two()</span>\n</code></pre></figure>\n")
        #expect(TestSites.render("```ts:line-numbers\na\n```\n").html.contains("<pre class=\"line-numbers\"><code class=\"language-ts\">"))
    }
}
