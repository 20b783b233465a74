/// Turns a template's text into `MustacheTemplate.Node`s. Works in two passes: the first cuts
/// the text into Unicode scalars and tags, removing the whitespace and line ending of each
/// standalone line (a line holding nothing but whitespace and section, inverted, comment,
/// partial, delimiter, parent or block tags); the second nests sections and blocks.
///
/// Scalars, not Characters: cutting the theme's templates into Characters and comparing them
/// took most of loading the theme, on one core before any page is made. Columns count scalars,
/// as in Markdown diagnostics.
struct MustacheParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var open: [Unicode.Scalar] = ["{", "{"]
    private var close: [Unicode.Scalar] = ["}", "}"]
    /// The tags read, which tokens point at: kept apart, tokens are plain values, copied
    /// without reference counting, one for every character of the template.
    private var tags: [Tag] = []
    private(set) var references: [(name: String, line: Int, column: Int)] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(MustacheTemplate.Problem) -> [MustacheTemplate.Node] {
        let tokens = try tokens()
        var position = 0
        let nodes = try nest(tokens, &position, closing: nil)
        return nodes
    }
}

private extension MustacheParser {
    enum Token {
        case character(Unicode.Scalar)
        /// `tags[index]`.
        case tag(Int)
        case removed
    }

    struct Tag {
        /// "#", "^", "/", ">", "<", "$", "&", "!", "=", or " " for a plain `{{name}}`.
        var kind: Unicode.Scalar
        var name: String
        var line: Int
        var column: Int
        var indent = ""
        var standalone = false

        /// Section, inverted, comment, partial, delimiter, parent and block tags: a line of
        /// whitespace and these alone is standalone.
        var mayStandAlone: Bool {
            switch kind {
            case "#", "^", "/", ">", "<", "$", "!", "=": true
            default: false
            }
        }
    }

    /// The current line while tokens are read: where its whitespace tokens are, its tags,
    /// whether anything on it (text or an interpolation) stops it from being standalone, and
    /// the whitespace before its first tag.
    struct Line {
        var spaces: [Int] = []
        var tags: [Int] = []
        var nonSpace = false
        var indent = ""
    }

    mutating func tokens() throws(MustacheTemplate.Problem) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count)
        var current = Line()
        while index < scalars.count {
            if matches(open, at: index) {
                let (tagLine, tagColumn) = (line, column)
                advance(open.count)
                let tag = try tag(line: tagLine, column: tagColumn)
                if tag.kind == ">" || tag.kind == "<" { references.append((tag.name, tagLine, tagColumn)) }
                tags.append(tag)
                tokens.append(.tag(tags.count - 1))
                if tag.mayStandAlone { current.tags.append(tags.count - 1) } else { current.nonSpace = true }
                continue
            }
            let character = scalars[index]
            advance(1)
            tokens.append(.character(character))
            if character == "\n" {
                current.spaces.append(tokens.count - 1)
                endLine(current, &tokens)
                current = Line()
            } else if character == " " || character == "\t" || character == "\r" {
                current.spaces.append(tokens.count - 1)
                if current.tags.isEmpty { current.indent.unicodeScalars.append(character) }
            } else {
                current.nonSpace = true
            }
        }
        endLine(current, &tokens)
        return tokens
    }

    /// A line of whitespace and standalone tags loses its whitespace and line end; its tags
    /// learn its indentation.
    mutating func endLine(_ line: Line, _ tokens: inout [Token]) {
        guard !line.tags.isEmpty && !line.nonSpace else { return }
        for space in line.spaces { tokens[space] = .removed }
        for tag in line.tags {
            tags[tag].indent = line.indent
            tags[tag].standalone = true
        }
    }

    /// A tag, its opening delimiter read; a delimiter change is applied and returned as a tag too.
    mutating func tag(line tagLine: Int, column tagColumn: Int) throws(MustacheTemplate.Problem) -> Tag {
        let problem = { (message: String) in MustacheTemplate.Problem(message: message, line: tagLine, column: tagColumn) }
        var kind: Unicode.Scalar = " "
        if index < scalars.count, Self.isKind(scalars[index]) {
            kind = scalars[index]
            advance(1)
        }
        var closing = close
        if kind == "{" { closing = ["}"] + close }
        if kind == "=" { closing = ["="] + close }
        guard let end = find(closing, from: index) else {
            throw problem("this tag is not closed: '\(Self.string(close[...]))' is missing")
        }
        // Trimmed as scalars, before a String is made of what is left.
        var first = index, last = end
        while first < last && Self.isSpace(scalars[first]) { first += 1 }
        while last > first && Self.isSpace(scalars[last - 1]) { last -= 1 }
        let content = Self.string(scalars[first..<last])
        advance(end - index + closing.count)
        if kind == "{" { kind = "&" }
        switch kind {
        case "!":
            return Tag(kind: "!", name: "", line: tagLine, column: tagColumn)
        case "=":
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                throw problem("a delimiter change is written {{=<% %>=}}: two delimiters separated by a space")
            }
            open = Array(parts[0].unicodeScalars)
            close = Array(parts[1].unicodeScalars)
            return Tag(kind: "=", name: "", line: tagLine, column: tagColumn)
        default:
            guard !content.isEmpty else { throw problem("this tag names nothing") }
            return Tag(kind: kind, name: content, line: tagLine, column: tagColumn)
        }
    }

    /// Nodes from `position` until the tag closing `closing` (or the end, when nil).
    func nest(_ tokens: [Token], _ position: inout Int,
              closing: (name: String, line: Int, column: Int)?) throws(MustacheTemplate.Problem) -> [MustacheTemplate.Node] {
        var nodes: [MustacheTemplate.Node] = []
        var text: [UInt8] = []
        // Given the text and nodes rather than capturing them: a captured text had every
        // character's append checked for exclusive access at run time.
        func flush(_ text: inout [UInt8], _ nodes: inout [MustacheTemplate.Node]) {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = []
        }
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .removed: continue
            case .character(let character): text.append(utf8: character)
            case .tag(let tagIndex):
                let (kind, name, line, column, indent, standalone) = (tags[tagIndex].kind, tags[tagIndex].name, tags[tagIndex].line,
                                                                       tags[tagIndex].column, tags[tagIndex].indent, tags[tagIndex].standalone)
                switch kind {
                case "!", "=": continue
                case "/":
                    guard let closing else {
                        throw MustacheTemplate.Problem(message: "'{{/\(name)}}' closes a section that was never opened", line: line, column: column)
                    }
                    guard closing.name == name else {
                        throw MustacheTemplate.Problem(message: "'{{/\(name)}}' closes '\(closing.name)', opened at \(closing.line):\(closing.column): close that one first",
                                                       line: line, column: column)
                    }
                    flush(&text, &nodes)
                    return nodes
                case " ", "&":
                    flush(&text, &nodes)
                    nodes.append(.value(path: Self.path(name), escaped: kind == " ", at: .init(line: line, column: column)))
                case ">":
                    flush(&text, &nodes)
                    nodes.append(.partial(name: name, indent: standalone ? indent : ""))
                case "#", "^", "$", "<":
                    flush(&text, &nodes)
                    let inner = try nest(tokens, &position, closing: (name, line, column))
                    switch kind {
                    case "$": nodes.append(.block(name: name, standalone: standalone, indent: indent, nodes: inner))
                    case "<":
                        var blocks: [String: MustacheTemplate.Block] = [:]
                        for case .block(let blockName, _, _, let blockNodes) in inner where blocks[blockName] == nil {
                            blocks[blockName] = MustacheTemplate.Block(nodes: blockNodes)
                        }
                        nodes.append(.parent(name: name, indent: standalone ? indent : "", blocks: blocks))
                    default: nodes.append(.section(path: Self.path(name), inverted: kind == "^", nodes: inner, at: .init(line: line, column: column)))
                    }
                default: break
                }
            }
        }
        if let closing {
            throw MustacheTemplate.Problem(message: "'{{#\(closing.name)}}' is never closed: add '{{/\(closing.name)}}'",
                                           line: closing.line, column: closing.column)
        }
        flush(&text, &nodes)
        return nodes
    }

    static func path(_ name: String) -> [MustacheKey] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map { MustacheKey(String($0)) }
    }

    /// Scalars as a String, through their UTF-8: appended to a String's scalar view one by one,
    /// a tag's name cost thousands of instructions.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for scalar in scalars { utf8.append(utf8: scalar) }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func isKind(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", "^", "/", ">", "<", "$", "&", "!", "=", "{": true
        default: false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" }

    func matches(_ delimiter: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + delimiter.count <= scalars.count else { return false }
        for offset in delimiter.indices where scalars[position + offset] != delimiter[offset] { return false }
        return true
    }

    func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
        var position = start
        while position + delimiter.count <= scalars.count {
            if matches(delimiter, at: position) { return position }
            position += 1
        }
        return nil
    }

    mutating func advance(_ count: Int) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }
}
