import Foundation

/// The events a renderer walks: cmark's tree, with what Tebiki adds on top of CommonMark made
/// into nodes of their own. Tables come from paragraphs (their cells parsed again, one cell at a
/// time, so a pipe always ends a cell), strikethrough, autolinks and task boxes from text, `:::`
/// containers and tab labels from their fence lines (`ContainerFences`), and includes from
/// `<!--@include: …-->` blocks. Every node keeps its position in the writer's file.
struct MarkdownStream {
    private let source: String
    private let document: MarkdownDocument
    private let fences: ContainerFences?
    /// The source's lines, when the fence scan needed them: the table finder uses the same.
    private let lines: SourceLines?
    private let features: SourceFeatures

    /// Fence problems (unclosed, unknown, stray) and containers closed outside their block,
    /// with byte columns.
    private(set) var problems: [ContainerFences.Problem] = []

    init(_ source: String) {
        self.source = source
        features = SourceFeatures(source)
        let plain = MarkdownDocument(source)
        if features.fences {
            let lines = SourceLines(source[...])
            let fences = ContainerFences(source, lines: lines, literal: plain.codeBlockLines())
            self.lines = lines
            problems = fences.problems
            self.fences = fences.directives.isEmpty ? nil : fences
            document = fences.directives.isEmpty ? plain : MarkdownDocument(fences.text)
        } else {
            lines = nil
            fences = nil
            document = plain
        }
    }

    /// Every event in document order.
    mutating func walk(_ visit: (MarkdownEvent) -> Void) {
        let found = withoutActuallyEscaping(visit) { visit in
            var walker = Walker(source: source, features: features, fences: fences, lines: lines, visit: visit)
            document.walk { walker.handle($0) }
            return walker.problems
        }
        problems += found
    }

    /// The events of one line of inline Markdown (a container's title), without a paragraph.
    static func inline(_ text: String, origin: SourceOrigin) -> [MarkdownEvent] {
        let cells = [TableBlock.Cell(text: text, line: origin.line, byteOffset: origin.byteOffset)]
        return Walker.cellEvents(cells, definitions: "").first ?? []
    }
}

private extension MarkdownStream {
    struct Walker {
        let source: String
        let features: SourceFeatures
        let fences: ContainerFences?
        let visit: (MarkdownEvent) -> Void
        var lines: SourceLines?
        /// The events of the paragraph or heading being read, held only in a text with a `~`,
        /// where a strikethrough pairs runs across them, and run through `InlineExtensions` at its end.
        var buffer: [MarkdownEvent]?
        /// Set in a paragraph or heading passed on as it is read: links and images open in it.
        var inlineLinks: Int?
        var task: Bool?
        /// How many blocks are open; a `:::` container must close at the depth it opened at.
        var depth = 0
        var containers: [(depth: Int, node: MarkdownNode)] = []
        var problems: [ContainerFences.Problem] = []
        /// Set when a paragraph became a table: its exit is not passed on.
        var replacedParagraph = false

        init(source: String, features: SourceFeatures, fences: ContainerFences?, lines: SourceLines?,
             visit: @escaping (MarkdownEvent) -> Void) {
            self.source = source
            self.features = features
            self.fences = fences
            self.lines = lines
            self.visit = visit
        }

        mutating func handle(_ event: MarkdownEvent) -> Bool {
            if buffer != nil {
                buffer?.append(event)
                if case .exit(let node) = event, node.kind.isInlineBlock { flush() }
                return true
            }
            if inlineLinks != nil {
                passInline(event)
                return true
            }
            switch event {
            case .enter(let node):
                switch node.kind {
                case .item(let state):
                    task = state
                    depth += 1
                case .paragraph(let paragraph):
                    if features.pipes, paragraph.endLine > node.line, let table = table(node, paragraph) {
                        emit(table, paragraph: paragraph, at: node)
                        replacedParagraph = true
                        return false
                    }
                    startInline(event)
                    return true
                case .heading:
                    task = nil
                    startInline(event)
                    return true
                case .htmlBlock:
                    task = nil
                    if let directive = fences?.directives[node.line] {
                        directed(directive, node)
                        return true
                    }
                    if let fences, node.literal.utf8.contains(0x0A), splitAtFences(node, fences) { return true }
                    if let path = Self.includePath(node.literal) {
                        var include = node
                        include.kind = .include(path: path)
                        visit(.enter(include))
                        return true
                    }
                case .document, .blockQuote, .list:
                    depth += 1
                default:
                    task = nil
                }
            case .exit(let node):
                switch node.kind {
                case .paragraph where replacedParagraph:
                    replacedParagraph = false
                    return true
                case .document, .blockQuote, .list, .item:
                    closeContainers(openedAt: depth)
                    depth -= 1
                default: break
                }
            }
            visit(event)
            return true
        }

        /// Closes the containers still open when the block they opened in ends, reporting each
        /// one the fence scan did not already report.
        mutating func closeContainers(openedAt level: Int) {
            while let open = containers.last, open.depth >= level {
                containers.removeLast()
                let reported = fences?.problems.contains { $0.code == .containerUnclosed && $0.line == open.node.line } ?? false
                if !reported {
                    problems.append(.init(code: .containerUnclosed, line: open.node.line, column: open.node.column,
                                          message: "this container is not closed inside the list or quote it opened in: add a ':::' line there, indented like the opening one"))
                }
                visit(.exit(open.node))
            }
        }

        mutating func directed(_ directive: ContainerFences.Directive, _ node: MarkdownNode) {
            switch directive {
            case .open(let container):
                var open = node
                open.kind = .container(container)
                containers.append((depth, open))
                visit(.enter(open))
            case .tab(let label):
                guard containers.last?.depth == depth else { return }
                var tab = node
                tab.kind = .tabPanel(label: label)
                visit(.enter(tab))
            case .close:
                guard let open = containers.last, open.depth == depth else { return }
                containers.removeLast()
                visit(.exit(open.node))
            }
        }

        /// A raw HTML block that runs over fence lines (cmark ends `</details>` only at a blank
        /// line): passed on in pieces, with each fence between them. False when it holds none.
        mutating func splitAtFences(_ node: MarkdownNode, _ fences: ContainerFences) -> Bool {
            let lines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
            guard (1..<lines.count).contains(where: { fences.directives[node.line + $0] != nil }) else { return false }
            var piece = node
            piece.literal = ""
            for (offset, line) in lines.enumerated() {
                if offset > 0, let directive = fences.directives[node.line + offset] {
                    if !piece.literal.isEmpty { visit(.enter(piece)) }
                    var at = node
                    at.line = node.line + offset
                    directed(directive, at)
                    piece.literal = ""
                    piece.line = node.line + offset + 1
                } else if offset < lines.count - 1 || !line.isEmpty {
                    piece.literal += line + "\n"
                }
            }
            if !piece.literal.isEmpty { visit(.enter(piece)) }
            return true
        }

        mutating func startInline(_ event: MarkdownEvent) {
            if features.tildes {
                buffer = [event]
            } else {
                inlineLinks = 0
                visit(event)
            }
        }

        /// An event of a paragraph or heading passed on as it comes: a task's box before the
        /// first text, autolinks in texts outside links.
        mutating func passInline(_ event: MarkdownEvent) {
            switch event {
            case .enter(var node):
                switch node.kind {
                case .text:
                    if let checked = task {
                        let (marker, rest) = InlineExtensions.taskMarked(node, checked: checked)
                        visit(.enter(marker))
                        node = rest
                        task = nil
                    }
                    if inlineLinks == 0, features.autolinks, let pieces = InlineExtensions.autolinked(node) {
                        pieces.forEach(visit)
                    } else {
                        visit(.enter(node))
                    }
                    return
                case .link, .image: inlineLinks? += 1
                default: break
                }
            case .exit(let node):
                switch node.kind {
                case .link, .image: inlineLinks? -= 1
                case .paragraph, .heading:
                    inlineLinks = nil
                    task = nil
                default: break
                }
            }
            visit(event)
        }

        mutating func flush() {
            guard var events = buffer else { return }
            buffer = nil
            InlineExtensions.apply(&events, task: task)
            task = nil
            events.forEach(visit)
        }

        mutating func table(_ node: MarkdownNode, _ paragraph: MarkdownNode.Paragraph) -> TableBlock? {
            if lines == nil { lines = SourceLines(source[...]) }
            guard let lines else { return nil }
            return TableBlock(TableBlock.lines(of: lines, first: node.line, last: paragraph.endLine,
                                               column: node.column, quoteDepth: paragraph.quoteDepth))
        }

        mutating func emit(_ table: TableBlock, paragraph: MarkdownNode.Paragraph, at node: MarkdownNode) {
            if !table.leading.isEmpty {
                let text = table.leading.map(\.text).joined(separator: "\n") + "\n\n" + referenceDefinitions
                let origins = table.leading.map { SourceOrigin(line: $0.number, byteOffset: $0.byteOffset) }
                var events: [MarkdownEvent] = []
                MarkdownDocument(text, origins: origins).walk { event in
                    if case .enter(let inner) = event, case .document = inner.kind { return true }
                    if case .exit(let inner) = event, case .document = inner.kind { return true }
                    if case .enter(var inner) = event, case .paragraph = inner.kind {
                        inner.kind = .paragraph(paragraph)
                        events.append(.enter(inner))
                    } else if case .exit(var inner) = event, case .paragraph = inner.kind {
                        inner.kind = .paragraph(paragraph)
                        events.append(.exit(inner))
                    } else {
                        events.append(event)
                    }
                    return true
                }
                InlineExtensions.apply(&events, task: task)
                events.forEach(visit)
            }
            task = nil
            let definitions = table.header.contains(where: { $0.text.contains("[") })
                || table.rows.contains(where: { $0.contains { $0.text.contains("[") } }) ? referenceDefinitions : ""
            let cells = Self.cellEvents(table.header + table.rows.flatMap { $0 }, definitions: definitions)
            var marker = node
            func mark(_ kind: MarkdownNode.Kind, enter: Bool) {
                marker.kind = kind
                visit(enter ? .enter(marker) : .exit(marker))
            }
            let width = table.alignments.count
            mark(.table, enter: true)
            for (row, start) in stride(from: 0, to: cells.count, by: width).enumerated() {
                if row == 0 { mark(.tableHead, enter: true) }
                if row == 1 { mark(.tableBody, enter: true) }
                mark(.tableRow, enter: true)
                for column in 0..<width {
                    let kind = MarkdownNode.Kind.tableCell(header: row == 0, alignment: table.alignments[column])
                    mark(kind, enter: true)
                    cells[start + column].forEach(visit)
                    mark(kind, enter: false)
                }
                mark(.tableRow, enter: false)
                if row == 0 { mark(.tableHead, enter: false) }
            }
            if cells.count > width { mark(.tableBody, enter: false) }
            mark(.table, enter: false)
        }

        /// The link reference definitions of the whole text, so `[text][ref]` in a cell finds
        /// its URL: found once, for the first table that needs them.
        lazy var referenceDefinitions: String = {
            let lines = lines ?? SourceLines(source[...])
            var definitions = ""
            for number in 1...max(1, lines.count) {
                let line = lines[number].drop { $0 == " " || $0 == ">" || $0 == "\t" }
                if line.hasPrefix("["), line.contains("]:") { definitions += line + "\n" }
            }
            return definitions
        }()

        /// The inline events of each cell, parsed in one cmark document: one paragraph a cell, each
        /// line starting with an ideographic space so nothing in it can start a block (a list, a
        /// heading) and emphasis still opens as at the start of a line; the space is then taken off.
        static func cellEvents(_ cells: [TableBlock.Cell], definitions: String) -> [[MarkdownEvent]] {
            var text = ""
            var origins: [SourceOrigin] = []
            for cell in cells {
                text += "\u{3000}" + cell.text + "\n\n"
                origins.append(SourceOrigin(line: cell.line, byteOffset: cell.byteOffset - 3))
                origins.append(SourceOrigin(line: cell.line, byteOffset: 0))
            }
            text += definitions
            var result: [[MarkdownEvent]] = []
            var current: [MarkdownEvent]?
            MarkdownDocument(text, origins: origins).walk { event in
                switch event {
                case .enter(let node) where node.kind.isParagraph:
                    current = []
                case .exit(let node) where node.kind.isParagraph:
                    if var events = current {
                        if let first = events.firstIndex(where: { $0.text != nil }), first == 0, case .enter(var node) = events[first] {
                            node.literal = String(node.literal.unicodeScalars.dropFirst())
                            node.column += 3
                            if node.literal.isEmpty { events.remove(at: first) } else { events[first] = .enter(node) }
                        }
                        var wrapped = [MarkdownEvent.enter(node)] + events + [.exit(node)]
                        InlineExtensions.apply(&wrapped)
                        result.append(Array(wrapped.dropFirst().dropLast()))
                    }
                    current = nil
                default:
                    current?.append(event)
                }
                return true
            }
            while result.count < cells.count { result.append([]) }
            return Array(result.prefix(cells.count))
        }

        /// `<!--@include: ../_snippets/contact.md-->` on a line of its own, as VitePress writes it.
        static func includePath(_ html: String) -> String? {
            guard html.hasPrefix("<!--@include:") else { return nil }
            let body = html.trimmingCharacters(in: .whitespacesAndNewlines)
            guard body.hasSuffix("-->"), !body.contains("\n") else { return nil }
            let path = body.dropFirst("<!--@include:".count).dropLast(3).trimmingSpaces()
            return path.isEmpty ? nil : String(path)
        }
    }
}

extension MarkdownNode.Kind {
    /// Blocks whose children are inline: their events are read whole before they are passed on.
    var isInlineBlock: Bool {
        switch self {
        case .paragraph, .heading: true
        default: false
        }
    }

    var isParagraph: Bool {
        if case .paragraph = self { return true }
        return false
    }
}
