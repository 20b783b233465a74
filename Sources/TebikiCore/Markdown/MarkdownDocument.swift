import CCmark

/// A parsed CommonMark document. This is the only type that holds cmark pointers: it owns the
/// tree, frees it, and hands the rest of Tebiki plain Swift values while walking it.
final class MarkdownDocument {
    private let root: OpaquePointer

    /// Parses with source positions. Raw HTML is kept in the tree either way; whether it reaches
    /// the page is the renderer's choice.
    init(_ markdown: String) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// Visits every node in document order, entering and leaving containers.
    func walk(_ visit: (MarkdownEvent) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let value = Self.value(of: node)
            if event == CMARK_EVENT_ENTER {
                visit(.enter(value))
            } else if event == CMARK_EVENT_EXIT {
                visit(.exit(value))
            }
        }
    }
}

/// One step of a walk: leaf nodes are only entered.
enum MarkdownEvent {
    case enter(MarkdownNode)
    case exit(MarkdownNode)
}

/// What a renderer needs of a node, copied out of cmark.
struct MarkdownNode {
    enum Kind {
        /// `callout` is the kind of a GitHub-style alert (`> [!NOTE]`), lower-cased.
        case document, blockQuote(callout: String?), list(ordered: Bool, start: Int, tight: Bool), item, codeBlock(info: String)
        case htmlBlock, customBlock, paragraph(inTightList: Bool), heading(level: Int), thematicBreak
        case text, softBreak(betweenCJK: Bool), lineBreak, code, htmlInline, customInline
        case emphasis, strong, link(url: String, title: String), image(url: String, title: String)
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
    static func value(of node: OpaquePointer) -> MarkdownNode {
        let kind: MarkdownNode.Kind
        var literal = ""
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote(callout: calloutKind(node))
        case CMARK_NODE_LIST:
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)))
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_BLOCK:
            kind = .htmlBlock
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_CUSTOM_BLOCK: kind = .customBlock
        case CMARK_NODE_PARAGRAPH:
            let parent = cmark_node_parent(node)
            let grandparent = parent.flatMap { cmark_node_parent($0) }
            let tight = parent.map { cmark_node_get_type($0) == CMARK_NODE_ITEM } == true
                && grandparent.map { cmark_node_get_list_tight($0) != 0 } == true
            kind = .paragraph(inTightList: tight)
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT:
            kind = .text
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak(betweenCJK: softBreakJoinsCJK(node))
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE:
            kind = .code
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_HTML_INLINE:
            kind = .htmlInline
            literal = string(cmark_node_get_literal(node))
        case CMARK_NODE_CUSTOM_INLINE: kind = .customInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: kind = .customInline
        }
        return MarkdownNode(kind: kind, literal: literal,
                            line: Int(cmark_node_get_start_line(node)),
                            column: Int(cmark_node_get_start_column(node)))
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// `> [!NOTE]` and its kin: the quote's first paragraph starts with the marker on its own line.
    static func calloutKind(_ node: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT
        else { return nil }
        let literal = string(cmark_node_get_literal(text))
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
