import Foundation

/// Turns a parsed document into the HTML of an article body. Heading ids, link rewriting and
/// URL safety are decided here rather than left to cmark, which adds no ids and only blanks
/// unsafe URLs at render time.
struct MarkdownRenderer {
    struct Options {
        /// Pass raw HTML through (the site opted in); otherwise it is dropped.
        var rawHTML = false
        /// Titles of callout boxes in the site's language, by kind (`note`, `tip`…).
        var calloutTitles: [String: String] = [:]
        /// Lines of the file before the body, for diagnostics.
        var lineOffset = 0
        var path = ""
        /// Terms whose first use in the text gets its definition beside it.
        var glossary: GlossaryMatcher?
        /// The article rendered, whose own glossary terms it does not explain to itself.
        var articleID: String?
        /// The file whose Markdown is rendered, as an id (`_snippets/contact` for an included
        /// file): relative links resolve from its folder.
        var sourceID = ""
        /// Reads the file an `<!--@include: …-->` names, from the file it is written in.
        var includes: (@Sendable (_ written: String, _ fromPath: String) -> IncludedFile?)?
        /// Where the file rendered was included, innermost first.
        var includedFrom: [SourceLocation] = []
        /// Labels of a task list item's box, in the site's language: done, not done.
        var taskLabels = ("Done", "Not done")
        /// The title of a `::: details` container written without one.
        var detailsTitle = "Details"
        /// `{{ name }}` in text and what it stands for.
        var variables = TextVariables()
        /// Sizes of the site's images, by path under `Articles/`.
        var imageSizes: [String: ImageSize] = [:]
        /// From the page to the site root (`../../`), for the links the renderer makes itself.
        var rootPrefix = "./"
    }

    /// A Markdown file an article includes.
    struct IncludedFile: Sendable {
        /// From the site folder: `Articles/_snippets/contact.md`.
        var path: String
        var markdown: String
    }

    let options: Options
    /// Resolves a destination as written in the file `fromID` to where it points and the URL to put in the page.
    let resolve: (_ destination: String, _ kind: LinkReference.Kind, _ fromID: String) -> (LinkTarget, href: String?)

    /// The body, and what is wrong in it (duplicate heading ids, raw HTML left out).
    func render(_ markdown: String) -> (body: RenderedMarkdown, diagnostics: [Diagnostic]) {
        var state = State(columns: SourceColumns(markdown))
        if let glossary = options.glossary {
            state.usedTerms = glossary.terms.map { $0.articleID != nil && $0.articleID == options.articleID }
        }
        state.includeStack = [options.path]
        walk(MarkdownStream(markdown), &state)
        state.endSection()
        var body = RenderedMarkdown(htmlUTF8: state.out.finished, headings: state.headings, links: state.links,
                                    wordCount: state.wordCount, sections: state.sections, steps: state.steps)
        body.rawHTMLIDs = state.rawHTMLIDs
        return (body, state.diagnostics)
    }
}

// Shared with the container and include rendering in MarkdownRenderer+Containers.swift.
extension MarkdownRenderer {
    func walk(_ stream: MarkdownStream, _ state: inout State) {
        var stream = stream
        stream.walk { event in
            switch event {
            case .enter(let node): enter(node, &state)
            case .exit(let node): exit(node, &state)
            }
        }
        for problem in stream.problems {
            let severity: Diagnostic.Severity = problem.code.isWarning ? .warning : .error
            state.diagnostics.append(Diagnostic(severity, problem.code, at: location(line: problem.line, byteColumn: problem.column, &state),
                                                problem.message + includedNote))
        }
    }

    /// Where a writer typed something in the file rendered.
    func location(line: Int, byteColumn: Int, _ state: inout State) -> SourceLocation {
        SourceLocation(options.path, line: line + options.lineOffset, column: state.columns.scalarColumn(line: line, byteColumn: byteColumn))
    }

    /// Said after each problem in an included file: which article it was included in, and where.
    var includedNote: String {
        options.includedFrom.map { " (included at \($0.description))" }.joined()
    }

    struct State {
        var columns: SourceColumns
        var out = HTMLOutput()
        /// The words a reader sees, without markup or code, for related articles and search: the
        /// finished sections, and the text of the current one, which began at `sectionHeading`.
        var sections: [TextSection] = []
        /// As UTF-8: appended to as a String, a piece at a time, it cost 400 instructions an append.
        var text: [UInt8] = []
        /// The current section's code: inline code and code blocks, which search indexes apart.
        var code = ""
        var sectionHeading: Heading?
        var headings: [Heading] = []
        var links: [LinkReference] = []
        var diagnostics: [Diagnostic] = []
        var slugger = HeadingSlugger()
        var wordCount = 0
        /// Set while inside a heading: where its HTML and its reader's text start, and its plain text so far.
        var heading: (start: Int, textStart: Int, text: String, line: Int)?
        /// Set while inside an image: its alt text so far, and how many images deep.
        var altText: String?
        var imageDepth = 0
        /// For each open link, whether an `<a>` was written (unsafe ones are not).
        var openLinks: [Bool] = []
        var inWordBreak = true
        var reportedHTML = false
        var skipCalloutMarker = false
        var skipNextSoftBreak = false
        var paragraphStart = 0
        /// Whether each open list is numbered, outermost first.
        var lists: [Bool] = []
        /// Items of top-level numbered lists so far: the article's numbered steps.
        var steps = 0
        /// Glossary terms already explained in this article (or explained by it).
        var usedTerms: [Bool] = []
        var termCount = 0
        /// Open `:::` containers, innermost last, and whether a tab panel is open in each.
        var containers: [(kind: ContainerFences.Container.Kind, panelOpen: Bool, lists: Int)] = []
        /// The files being rendered, the article first, then what it includes.
        var includeStack: [String] = []
        var includeCount = 0
        var imageCount = 0
        var rawHTMLIDs: [String] = []

        mutating func endSection() {
            sections.append(TextSection(id: sectionHeading?.id, heading: sectionHeading?.text ?? "", text: String(decoding: text, as: UTF8.self), code: code))
            text.removeAll(keepingCapacity: true)
            code = ""
        }
    }

    func enter(_ node: MarkdownNode, _ state: inout State) {
        if state.imageDepth > 0 {
            // Inside an image everything is alt text.
            switch node.kind {
            case .text, .code: state.altText? += node.literal
            case .softBreak, .lineBreak: state.altText? += " "
            case .image: state.imageDepth += 1
            default: break
            }
            return
        }
        switch node.kind {
        case .document, .customBlock, .customInline: break
        case .blockQuote(let callout?):
            // The marker line becomes the box's title; the quote's text follows it.
            let title = HTMLEscaping.escape(options.calloutTitles[callout] ?? callout.capitalized)
            state.out += "<div class=\"callout callout-\(callout)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>\n"
            state.skipCalloutMarker = true
        case .blockQuote: state.out += "<blockquote>\n"
        case let .list(ordered, start, _):
            state.lists.append(ordered)
            if ordered {
                state.out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                state.out += "<ul>\n"
            }
        case .item(let task) where state.lists == [true]:
            // Numbered so a tour step or hint can point at "step 3" of the article.
            state.steps += 1
            state.out += task == nil ? "<li data-step=\"\(state.steps)\">" : "<li class=\"task\" data-step=\"\(state.steps)\">"
        case .item(let task): state.out += task == nil ? "<li>" : "<li class=\"task\">"
        case .taskMarker(let checked):
            let label = HTMLEscaping.escape(checked ? options.taskLabels.0 : options.taskLabels.1)
            state.out += "<input type=\"checkbox\" disabled\(checked ? " checked" : "") aria-label=\"\(label)\">"
        case .codeBlock(let info):
            let info = CodeBlockInfo(info)
            if case .codeGroup? = state.containers.last?.kind {
                // Each block of a code group is a panel, its title the tab's label.
                openTabPanel(info.title ?? info.language, &state)
                var untitled = info
                untitled.title = nil
                codeBlock(untitled, node.literal, &state)
            } else {
                codeBlock(info, node.literal, &state)
            }
            state.code += node.literal
            count(node.literal, &state)
        case .container(let container):
            openContainer(container, &state)
        case .tabPanel(let label):
            openTabPanel(label, &state)
        case .include(let path):
            include(path, node, &state)
        case .table: state.out += "<div class=\"table-scroll\" tabindex=\"0\"><table>\n"
        case .tableHead: state.out += "<thead>\n"
        case .tableBody: state.out += "<tbody>\n"
        case .tableRow: state.out += "<tr>\n"
        case let .tableCell(header, alignment):
            state.out += "<" + (header ? "th" : "td")
            switch alignment {
            case .none: break
            case .left: state.out += " class=\"align-left\""
            case .center: state.out += " class=\"align-center\""
            case .right: state.out += " class=\"align-right\""
            }
            state.out += ">"
        case .strikethrough: state.out += "<del>"
        case .htmlBlock:
            if options.rawHTML {
                writeRawHTML(node, &state)
            } else {
                droppedHTML(node, &state)
            }
        case .paragraph(let paragraph):
            if !isTight(paragraph, state) { state.out += "<p>" }
            state.paragraphStart = state.out.count
        case .heading(let level):
            if level == 2 || level == 3 { state.endSection() }
            state.heading = (state.out.count, state.text.count, "", node.line + options.lineOffset)
        case .thematicBreak: state.out += "<hr>\n"
        case .text where state.skipCalloutMarker:
            // The `[!NOTE]` marker itself, and the line break after it, are not shown.
            state.skipCalloutMarker = false
            state.skipNextSoftBreak = true
        case .softBreak where state.skipNextSoftBreak:
            state.skipNextSoftBreak = false
        case .text:
            state.skipNextSoftBreak = false
            let literal = substituted(node, &state)
            if let glossary = options.glossary, !glossary.isEmpty, state.heading == nil, state.openLinks.isEmpty {
                writeWithTerms(literal, glossary: glossary, &state)
            } else {
                state.out.appendEscaped(literal)
            }
            state.text.append(utf8: literal)
            state.heading?.text += literal
            count(literal, &state)
        case .softBreak(let betweenCJK):
            if !betweenCJK {
                state.out += "\n"
                state.text.append(0x20)
            }
            state.heading?.text += betweenCJK ? "" : " "
        case .lineBreak:
            state.out += "<br>\n"
            state.text.append(0x20)
        case .code:
            state.out += "<code>"
            state.out.appendEscaped(node.literal)
            state.out += "</code>"
            // Kept in the text, marked, so a snippet reads whole and shows it as code.
            state.text.append(utf8: TextTokenizer.codeStart)
            state.text.append(utf8: node.literal)
            state.text.append(utf8: TextTokenizer.codeEnd)
            state.code += node.literal + "\n"
            state.heading?.text += node.literal
            count(node.literal, &state)
        case .htmlInline:
            if options.rawHTML {
                writeRawHTML(node, &state)
            } else {
                droppedHTML(node, &state)
            }
        case .emphasis: state.out += "<em>"
        case .strong: state.out += "<strong>"
        case let .link(url, title):
            let href = reference(url, .link, node, &state)
            state.openLinks.append(href != nil)
            if let href {
                state.out += "<a href=\"\(href)\""
                if !title.isEmpty { state.out += " title=\"\(HTMLEscaping.escape(title))\"" }
                state.out += ">"
            }
        case .image:
            state.imageDepth = 1
            state.altText = ""
        }
    }

    func exit(_ node: MarkdownNode, _ state: inout State) {
        if state.imageDepth > 0 {
            if case let .image(url, title) = node.kind {
                state.imageDepth -= 1
                if state.imageDepth == 0 { writeImage(url: url, title: title, node: node, &state) }
            }
            return
        }
        switch node.kind {
        case .blockQuote(let callout): state.out += callout == nil ? "</blockquote>\n" : "</div>\n"
        case let .list(ordered, _, _):
            state.lists.removeLast()
            state.out += ordered ? "</ol>\n" : "</ul>\n"
        case .item: state.out += "</li>\n"
        case .container: closeContainer(&state)
        case .table: state.out += "</table></div>\n"
        case .tableHead: state.out += "</thead>\n"
        case .tableBody: state.out += "</tbody>\n"
        case .tableRow:
            state.out += "</tr>\n"
            state.text.append(0x0A)
        case .tableCell(let header, _):
            state.out += header ? "</th>\n" : "</td>\n"
            state.text.append(0x20)
        case .strikethrough: state.out += "</del>"
        case .paragraph(let paragraph):
            let tight = isTight(paragraph, state)
            state.skipNextSoftBreak = false
            if state.out.count == state.paragraphStart {
                // Only a callout marker was in it: drop the empty paragraph.
                _ = state.out.removeAll(from: state.paragraphStart - (tight ? 0 : 3))
            } else if !tight {
                state.out += "</p>\n"
            }
            state.text.append(0x0A)
        case .heading(let level):
            writeHeading(level: level, &state)
            state.text.append(0x0A)
            if level == 2 || level == 3 { state.sectionHeading = state.headings.last }
        case .emphasis: state.out += "</em>"
        case .strong: state.out += "</strong>"
        case .link:
            if state.openLinks.popLast() == true { state.out += "</a>" }
        default: break
        }
    }

    func writeHeading(level: Int, _ state: inout State) {
        guard let heading = state.heading else { return }
        state.heading = nil
        var text = String(heading.text.trimmingSpaces())
        let id: String
        if let custom = Self.customID(in: text) {
            var inner = state.out.removeAll(from: heading.start)
            text = String(text[..<custom.range.lowerBound].trimmingSpaces())
            if let marker = inner.range(of: "{#\(custom.id)}", options: .backwards) {
                inner.removeSubrange(marker)
            }
            inner = String(inner.trimmingSpaces())
            if !state.slugger.claim(custom.id) {
                state.diagnostics.append(.error(.duplicateHeadingID, options.path, line: heading.line, column: 1,
                                                "heading id '\(custom.id)' is used twice in this article"))
            }
            id = custom.id
            state.out += inner
        } else {
            let slug = HeadingSlugger.slug(text)
            id = state.slugger.uniqueID(forSlug: slug.isEmpty ? "section" : slug)
        }
        // The reader's text gets the heading without its `{#id}`; a section's own heading (h2,
        // h3) is kept apart from its text, so a snippet does not run it into the sentence after.
        state.text.removeSubrange(heading.textStart...)
        if level != 2 && level != 3 { state.text.append(utf8: text) }
        // The opening tag goes in front of the heading's HTML, already written: taken out and
        // put back as a String, it cost more than the rest of the heading.
        var open: [UInt8] = [0x3C, 0x68, UInt8(0x30 + level)]
        open.append(" id=\"")
        HTMLEscaping.escape(id, into: &open)
        open.append("\">")
        state.out.insert(open, at: heading.start)
        state.out += "<a class=\"heading-anchor\" href=\"#"
        state.out.appendURL(id)
        state.out += "\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h"
        state.out.append(UInt8(0x30 + level))
        state.out += ">\n"
        state.headings.append(Heading(level: level, text: text, id: id, line: heading.line))
    }

    func writeImage(url: String, title: String, node: MarkdownNode, _ state: inout State) {
        let alt = state.altText ?? ""
        state.altText = nil
        state.text.append(0x20)
        state.text.append(utf8: alt)
        state.text.append(0x20)
        guard let src = reference(url, .image, node, &state) else {
            state.out.appendEscaped(alt)
            return
        }
        state.out += "<img src=\"\(src)\" alt=\"\(HTMLEscaping.escape(alt))\""
        if !title.isEmpty { state.out += " title=\"\(HTMLEscaping.escape(title))\"" }
        // Its size keeps its room while it loads; the first image is likely on the first
        // screen, where lazy loading would only make it late.
        if case .asset(let path)? = state.links.last?.target, let size = options.imageSizes[path] {
            state.out += " width=\"\(size.width)\" height=\"\(size.height)\""
        }
        state.imageCount += 1
        state.out += state.imageCount == 1 ? ">" : " loading=\"lazy\">"
    }

    /// A code block; with options, lines wrapped one by one (highlighted ones marked, numbered
    /// by the stylesheet) and the title above it.
    func codeBlock(_ info: CodeBlockInfo, _ code: String, _ state: inout State) {
        let open = info.language.isEmpty ? "<code>" : "<code class=\"language-\(HTMLEscaping.escape(info.language))\">"
        guard info.hasOptions else {
            state.out += "<pre>"
            state.out += open
            state.out.appendEscaped(code)
            state.out += "</code></pre>\n"
            return
        }
        state.out += "<figure class=\"code-block\">"
        if let title = info.title { state.out += "<figcaption>\(HTMLEscaping.escape(title))</figcaption>" }
        state.out += info.lineNumbers ? "<pre class=\"line-numbers\">" : "<pre>"
        state.out += open
        let lines = code.hasSuffix("\n") ? code.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
                                         : code.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            state.out += info.highlighted.contains(index + 1) ? "<span class=\"line highlighted\">" : "<span class=\"line\">"
            state.out += HTMLEscaping.escape(String(line)) + "</span>\n"
        }
        state.out += "</code></pre></figure>\n"
    }

    /// Records the link and returns the escaped URL for the page, or nil when it must not be one.
    func reference(_ destination: String, _ kind: LinkReference.Kind, _ node: MarkdownNode,
                   _ state: inout State) -> String? {
        let (target, href) = resolve(destination, kind, options.sourceID)
        var link = LinkReference(kind: kind, destination: destination, target: target,
                                 location: location(line: node.line, byteColumn: node.column, &state), href: href)
        link.includedFrom = options.includedFrom
        if !options.includedFrom.isEmpty { link.sourceID = options.sourceID }
        state.links.append(link)
        return href.map(HTMLEscaping.escapeURL)
    }

    /// The text with `{{ name }}` replaced; an unknown name is an error where it is written.
    func substituted(_ node: MarkdownNode, _ state: inout State) -> String {
        let (text, unknown) = options.variables.substitute(node.literal)
        for (name, offset) in unknown {
            state.diagnostics.append(.error(.variableUnknown, at: location(line: node.line, byteColumn: node.column + offset, &state),
                                            "unknown variable '\(name)': define it under 'variables:' in tebiki.yml, or put the braces in backticks to show them\(includedNote)"))
        }
        return text
    }

    /// Text with the first use of each glossary term in the article marked up as a term whose
    /// definition opens beside it: a button (reachable by keyboard, not hover-only) and the
    /// definition it shows, with a link to the term's article.
    func writeWithTerms(_ text: String, glossary: GlossaryMatcher, _ state: inout State) {
        var rest = text[...]
        while let (index, range) = glossary.firstUse(in: rest, skipping: state.usedTerms) {
            let term = glossary.terms[index]
            state.usedTerms[index] = true
            state.termCount += 1
            let id = "tebiki-term-\(state.termCount)"
            state.out += HTMLEscaping.escape(String(rest[..<range.lowerBound]))
            state.out += "<span class=\"term\"><button type=\"button\" class=\"term-button\" aria-expanded=\"false\" aria-controls=\"\(id)\">"
            state.out += HTMLEscaping.escape(String(rest[range])) + "</button>"
            state.out += "<span class=\"term-definition\" id=\"\(id)\"><span class=\"term-name\">\(HTMLEscaping.escape(term.term))</span> "
            state.out += HTMLEscaping.escape(term.definition)
            if let urlPath = term.urlPath {
                state.out += " <a href=\"\(HTMLEscaping.escapeURL(options.rootPrefix + HTMLEscaping.percentEncode(urlPath)))\">\(HTMLEscaping.escape(glossary.moreText))</a>"
            }
            state.out += "</span></span>"
            rest = rest[range.upperBound...]
        }
        state.out.appendEscaped(String(rest))
    }

    /// `{#id}` at the end of a heading, as Hugo and Pandoc write it.
    static func customID(in text: String) -> (id: String, range: Range<String.Index>)? {
        // The last byte, not the last Character, which `hasSuffix` works out.
        guard text.utf8.last == UInt8(ascii: "}"), let range = text.range(of: #"\{#([^\s{}<>&"']+)\}$"#, options: .regularExpression)
        else { return nil }
        return (String(text[range].dropFirst(2).dropLast()), range)
    }

    /// Raw HTML the site opted into, as written, but for its images' URLs, which are resolved
    /// and checked as Markdown images are; its `id`s become fragment targets.
    func writeRawHTML(_ node: MarkdownNode, _ state: inout State) {
        var html = node.literal
        state.rawHTMLIDs += RawHTMLReferences.ids(in: html)
        let sources = RawHTMLReferences.imageSources(in: html)
        guard !sources.isEmpty else {
            state.out += html
            return
        }
        let hrefs = sources.map { source -> String in
            // Where the value is written: lines and bytes into the node.
            let before = html.utf8[..<source.range.lowerBound]
            let lines = before.count { $0 == 0x0A }
            let lineStart = before.lastIndex(of: 0x0A).map { html.utf8.index(after: $0) } ?? html.utf8.startIndex
            var at = node
            at.line += lines
            at.column = (lines == 0 ? node.column : 1) + html.utf8.distance(from: lineStart, to: source.range.lowerBound)
            return reference(source.value, .image, at, &state) ?? ""
        }
        for (source, href) in zip(sources, hrefs).reversed() { html.replaceSubrange(source.range, with: href) }
        state.out += html
    }

    /// Safe mode drops raw HTML; say so once per article, where it first appears.
    func droppedHTML(_ node: MarkdownNode, _ state: inout State) {
        guard !state.reportedHTML else { return }
        state.reportedHTML = true
        let column = state.columns.scalarColumn(line: node.line, byteColumn: node.column)
        state.diagnostics.append(.warning(.rawHTML, options.path, line: node.line + options.lineOffset, column: column,
                                          "raw HTML is left out of the page; set 'rawHTML: true' in tebiki.yml to keep it"))
    }

    /// Latin words by spaces; each CJK character counts as a word. Read on the UTF-8, ASCII a
    /// byte at a time against a mask of the bytes that belong to words, kana and kanji decoded
    /// from their three bytes without the general loop: every text of every article is counted.
    func count(_ text: String, _ state: inout State) {
        // Counted in locals and stored once: kept in the state, every character wrote it back.
        var (words, inBreak) = (state.wordCount, state.inWordBreak)
        text.withContiguousUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isBreak: Bool
                if byte < 0x80 {
                    index += 1
                    // Letters, digits, `'` and `_`: bits 0x27, 0x30–0x39; 0x41–0x5A, 0x5F, 0x61–0x7A.
                    let mask: UInt64 = byte < 64 ? 0x03FF_0080_0000_0000 : 0x07FF_FFFE_87FF_FFFE
                    isBreak = mask >> UInt64(byte & 63) & 1 == 0
                } else {
                    // Kana and kanji (U+3000–U+9FFF) from their three bytes; the rest decoded.
                    let (value, length) = byte >= 0xE3 && byte <= 0xE9
                        ? (UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
                        : UTF8Scalar.decode(bytes, at: index)
                    index += length
                    let scalar = Unicode.Scalar(value)!
                    if scalar.isWideScript {
                        // Kana, kanji and full-width letters count one each; CJK punctuation does not.
                        if !(0x3000...0x303F).contains(value) && !(0xFF01...0xFF0F).contains(value) { words += 1 }
                        inBreak = true
                        continue
                    }
                    isBreak = scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuation
                }
                if isBreak {
                    inBreak = true
                } else if inBreak {
                    words += 1
                    inBreak = false
                }
            }
        }
        (state.wordCount, state.inWordBreak) = (words, inBreak)
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
