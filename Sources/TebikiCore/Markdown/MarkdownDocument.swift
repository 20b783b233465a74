import CCmark

/// A parsed CommonMark document. This is the only type that holds cmark pointers: it owns the
/// tree, frees it, and hands the rest of Tebiki plain Swift values while walking it.
final class MarkdownDocument {
    private let root: OpaquePointer
    /// For a fragment cut out of a larger text (a table's cells): where each of its lines starts
    /// in that text, so positions point at what the writer typed.
    private let origins: [SourceOrigin]?

    /// Parses with source positions. Raw HTML is kept in the tree either way; whether it reaches
    /// the page is the renderer's choice. cmark is not asked to check the UTF-8: a String's
    /// always is valid, and the check copied every line a byte at a time.
    init(_ markdown: String, origins: [SourceOrigin]? = nil) {
        self.origins = origins
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// Visits every node in document order, entering and leaving containers. Returning false
    /// when a container is entered skips its children; its exit is still visited.
    func walk(_ visit: (MarkdownEvent) -> Bool) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let value = value(of: node)
            if event == CMARK_EVENT_ENTER {
                if !visit(.enter(value)), cmark_node_first_child(node) != nil {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    _ = visit(.exit(value))
                }
            } else if event == CMARK_EVENT_EXIT {
                _ = visit(.exit(value))
            }
        }
    }

    /// The lines of code blocks, where `:::` is not a container fence. (In raw HTML it is one,
    /// as in VitePress: a `:::` right after `</details>` closes its container.)
    func codeBlockLines() -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        guard let iterator = cmark_iter_new(root) else { return ranges }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK {
                let start = Int(cmark_node_get_start_line(node))
                ranges.append(start...max(start, Int(cmark_node_get_end_line(node))))
            }
        }
        return ranges
    }
}

/// Where line 1… of a fragment begins in the text it was cut from.
struct SourceOrigin: Equatable, Sendable {
    var line: Int
    /// Bytes before the fragment's first byte on that line.
    var byteOffset: Int
}

/// One step of a walk: leaf nodes are only entered.
enum MarkdownEvent {
    case enter(MarkdownNode)
    case exit(MarkdownNode)
}

/// What a renderer needs of a node, copied out of cmark.
struct MarkdownNode {
    enum Kind {
        /// `callout` is the kind of a GitHub-style alert (`> [!NOTE]`), lower-cased. `task` is
        /// whether a task list item (`- [x]`) is checked.
        case document, blockQuote(callout: String?), list(ordered: Bool, start: Int, tight: Bool), item(task: Bool?), codeBlock(info: String)
        case htmlBlock, customBlock, paragraph(Paragraph), heading(level: Int), thematicBreak
        case text, softBreak(betweenCJK: Bool), lineBreak, code, htmlInline, customInline
        case emphasis, strong, link(url: String, title: String), image(url: String, title: String)
        // Made by MarkdownStream from what cmark leaves as text (GitHub's extensions, containers).
        case table, tableHead, tableBody, tableRow, tableCell(header: Bool, alignment: TableBlock.Alignment)
        case strikethrough, taskMarker(checked: Bool)
        case container(ContainerFences.Container), tabPanel(label: String), include(path: String)
    }

    struct Paragraph {
        var inTightList = false
        /// Its last line, and how many block quotes it is in: where a table's rows are.
        var endLine = 0
        var quoteDepth = 0
    }

    static let calloutKinds: Set<String> = ["note", "tip", "important", "warning", "caution"]

    var kind: Kind
    /// Text of leaf nodes (text, code, code blocks, raw HTML); empty for containers.
    var literal: String
    /// 1-based line and column in the Markdown body.
    var line: Int
    var column: Int
}

private extension MarkdownDocument {
    func value(of node: OpaquePointer) -> MarkdownNode {
        let kind: MarkdownNode.Kind
        var literal = ""
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote(callout: Self.calloutKind(node))
        case CMARK_NODE_LIST:
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item(task: Self.taskState(node))
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: Self.string(cmark_node_get_fence_info(node)))
            literal = Self.string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_BLOCK:
            kind = .htmlBlock
            literal = Self.string(cmark_node_get_literal(node))
        case CMARK_NODE_CUSTOM_BLOCK: kind = .customBlock
        case CMARK_NODE_PARAGRAPH:
            let parent = cmark_node_parent(node)
            let grandparent = parent.flatMap { cmark_node_parent($0) }
            let tight = parent.map { cmark_node_get_type($0) == CMARK_NODE_ITEM } == true
                && grandparent.map { cmark_node_get_list_tight($0) != 0 } == true
            var quotes = 0
            var ancestor = parent
            while let node = ancestor {
                if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
                ancestor = cmark_node_parent(node)
            }
            kind = .paragraph(.init(inTightList: tight, endLine: mapped(line: Int(cmark_node_get_end_line(node)), column: 1).line,
                                    quoteDepth: quotes))
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT:
            kind = .text
            literal = Self.string(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak(betweenCJK: Self.softBreakJoinsCJK(node))
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE:
            kind = .code
            literal = Self.string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_INLINE:
            kind = .htmlInline
            literal = Self.string(cmark_node_get_literal(node))
        case CMARK_NODE_CUSTOM_INLINE: kind = .customInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)))
        default: kind = .customInline
        }
        let (line, column) = mapped(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        return MarkdownNode(kind: kind, literal: literal, line: line, column: column)
    }

    func mapped(line: Int, column: Int) -> (line: Int, column: Int) {
        guard let origins, line >= 1, line <= origins.count else { return (line, column) }
        return (origins[line - 1].line, origins[line - 1].byteOffset + column)
    }

    /// `- [ ] text` and `- [x] text`: the item's first paragraph starts with the box and a space.
    static func taskState(_ item: OpaquePointer) -> Bool? {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(text)
        else { return nil }
        let bytes = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        guard bytes[0] == UInt8(ascii: "["), bytes[1] != 0, bytes[2] == UInt8(ascii: "]"),
              bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t") else { return nil }
        switch bytes[1] {
        case UInt8(ascii: " "): return false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
        default: return nil
        }
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// `> [!NOTE]` and its kin: the quote's first paragraph starts with the marker on its own line.
    static func calloutKind(_ node: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT
        else { return nil }
        let literal = Self.string(cmark_node_get_literal(text))
        guard literal.hasPrefix("[!"), literal.hasSuffix("]") else { return nil }
        let kind = literal.dropFirst(2).dropLast().lowercased()
        return MarkdownNode.calloutKinds.contains(kind) ? kind : nil
    }

    /// Japanese is written without spaces, so a line break inside a sentence must not become one.
    static func softBreakJoinsCJK(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node), let next = cmark_node_next(node),
              let before = string(cmark_node_get_literal(previous)).unicodeScalars.last,
              let after = string(cmark_node_get_literal(next)).unicodeScalars.first
        else { return false }
        return before.isWideScript && after.isWideScript
    }
}
