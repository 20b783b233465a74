/// How the renderer writes `:::` boxes, tab sets and code groups, and the files an article
/// includes, which are rendered into the same page as if written in place.
extension MarkdownRenderer {
    /// A callout box, `<details>`, a tab set, or a plain box for a type Tebiki does not know.
    func openContainer(_ container: ContainerFences.Container, _ state: inout State) {
        state.containers.append((container.kind, false, state.lists.count))
        switch container.kind {
        case .callout(let kind):
            let title = options.calloutTitles[kind] ?? kind.capitalized
            state.out += "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">"
            writeTitle(container, fallback: title, &state)
            state.out += "</p>\n"
        case .details:
            state.out += "<details class=\"details\">\n<summary>"
            writeTitle(container, fallback: options.detailsTitle, &state)
            state.out += "</summary>\n"
        case .tabs: state.out += "<div class=\"tabs\">\n"
        case .codeGroup: state.out += "<div class=\"tabs code-group\">\n"
        case .other(let name):
            state.out += "<div class=\"container container-\(HTMLEscaping.escape(name))\">\n"
            if container.title != nil {
                state.out += "<p class=\"container-title\">"
                writeTitle(container, fallback: "", &state)
                state.out += "</p>\n"
            }
        }
    }

    /// A tight list's paragraphs have no `<p>`, except in a box opened inside the item: there
    /// they are paragraphs of the box.
    func isTight(_ paragraph: MarkdownNode.Paragraph, _ state: State) -> Bool {
        paragraph.inTightList && state.containers.last?.lists != state.lists.count
    }

    /// A tab set's next panel, closing the one before; every panel shows its label until the
    /// theme's script makes tabs of them.
    func openTabPanel(_ label: String, _ state: inout State) {
        guard !state.containers.isEmpty else { return }
        if state.containers[state.containers.count - 1].panelOpen { state.out += "</div>\n" }
        state.containers[state.containers.count - 1].panelOpen = true
        let escaped = HTMLEscaping.escape(label)
        state.out += "<div class=\"tab-panel\" data-tab-label=\"\(escaped)\"><p class=\"tab-label\">\(escaped)</p>\n"
        state.text.append(utf8: label)
        state.text.append(0x0A)
    }

    func closeContainer(_ state: inout State) {
        guard let container = state.containers.popLast() else { return }
        if container.panelOpen { state.out += "</div>\n" }
        state.out += container.kind == .details ? "</details>\n" : "</div>\n"
    }

    /// A container's title as written, with its inline Markdown; else the kind's own title.
    func writeTitle(_ container: ContainerFences.Container, fallback: String, _ state: inout State) {
        guard let title = container.title else {
            state.out.appendEscaped(fallback)
            return
        }
        for event in MarkdownStream.inline(title, origin: container.titleOrigin) {
            switch event {
            case .enter(let node): enter(node, &state)
            case .exit(let node): exit(node, &state)
            }
        }
        state.text.append(0x0A)
    }

    /// Renders the file an include names in place of the directive, as if written there: its
    /// links resolve from its own folder, its problems name its own lines.
    func include(_ written: String, _ node: MarkdownNode, _ state: inout State) {
        let at = location(line: node.line, byteColumn: node.column, &state)
        guard let file = options.includes?(written, options.path) else {
            state.diagnostics.append(.error(.includeMissing, at: at,
                                            "nothing to include at '\(written)': name a .md file in a folder starting with '_' under Articles/ (Articles/_snippets/), relative to this file\(includedNote)"))
            return
        }
        if state.includeStack.contains(file.path) {
            let chain = (state.includeStack + [file.path]).joined(separator: " → ")
            state.diagnostics.append(.error(.includeCycle, at: at, "include cycle: \(chain)\(includedNote)"))
            return
        }
        state.includeCount += 1
        guard state.includeStack.count <= Self.includeDepthLimit, state.includeCount <= Self.includeLimit else {
            state.diagnostics.append(.error(.includeCycle, at: at,
                                            "too many includes: at most \(Self.includeLimit) in an article, \(Self.includeDepthLimit) deep\(includedNote)"))
            return
        }
        var nested = options
        nested.path = file.path
        nested.lineOffset = 0
        nested.sourceID = String(file.path.dropFirst(SiteLayout.articlesFolder.count + 1).dropLast(3))
        nested.includedFrom = [at] + options.includedFrom
        let columns = state.columns
        state.columns = SourceColumns(file.markdown)
        state.includeStack.append(file.path)
        MarkdownRenderer(options: nested, resolve: resolve).walk(MarkdownStream(file.markdown), &state)
        state.includeStack.removeLast()
        state.columns = columns
    }

    static let includeDepthLimit = 16
    static let includeLimit = 1_000
}
