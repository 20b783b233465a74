/// `:::` containers as VitePress, Docusaurus, Zenn and Qiita writers write them:
///
///     ::: warning 古いブラウザー
///     text, lists, code…
///     :::
///
/// cmark knows nothing of them, so their fence lines are found here, outside code and raw HTML,
/// and replaced by one-line HTML comments: a block that cmark lets interrupt a paragraph, so
/// the text around a fence parses as it would without it. Every other line, and so every
/// position, stays as written. A tabs container's `== label` lines are found the same way.
struct ContainerFences {
    struct Container: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            /// `note`, `tip`, `important`, `warning`, `caution`: the callout boxes of `> [!NOTE]`.
            case callout(String)
            case details, tabs, codeGroup
            /// A type Tebiki does not know: rendered as a plain box, with a warning.
            case other(String)
        }

        var kind: Kind
        /// Written after the type; nil for the kind's default title.
        var title: String?
        /// Where the title starts, for the positions of links in it.
        var titleOrigin = SourceOrigin(line: 0, byteOffset: 0)
    }

    enum Directive: Equatable {
        case open(Container)
        case tab(label: String)
        case close
    }

    struct Problem: Equatable {
        var code: DiagnosticCode
        var line: Int
        var column: Int
        var message: String
    }

    /// The text with every fence line replaced; the same text when it has none.
    private(set) var text: String
    /// What each replaced line was, by line number.
    private(set) var directives: [Int: Directive] = [:]
    private(set) var problems: [Problem] = []

    /// `literal` holds the line ranges of code blocks and raw HTML, where fences are text.
    init(_ source: String, lines: SourceLines, literal: [ClosedRange<Int>]) {
        text = source
        var literalLines = Set<Int>()
        for range in literal { literalLines.formUnion(range) }
        // Open containers: their line, the fence's length and column, and whether they are tabs.
        var open: [(line: Int, length: Int, column: Int, tabs: Bool)] = []
        var replaced: [Int: Substring] = [:]
        for number in 1...max(1, lines.count) where !literalLines.contains(number) {
            let line = lines[number]
            let prefixLength = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }.count
            let prefix = line.utf8.index(line.startIndex, offsetBy: prefixLength)
            let rest = line[prefix...]
            if rest.hasPrefix("=="), open.last?.tabs == true {
                let label = rest.dropFirst(2).trimmingSpaces()
                guard rest.dropFirst(2).first == " ", !label.isEmpty else { continue }
                directives[number] = .tab(label: String(label))
                replaced[number] = line[..<prefix]
                continue
            }
            let length = rest.utf8.prefix { $0 == UInt8(ascii: ":") }.count
            guard length >= 3 else { continue }
            let info = rest.dropFirst(length).trimmingSpaces()
            if info.isEmpty {
                guard let top = open.last, length >= top.length else {
                    problems.append(Problem(code: .containerStray, line: number, column: prefixLength + 1,
                                            message: "'\(rest.trimmingSpaces())' closes no container: remove it, or open one above with '::: tip' (or note, warning, details…)"))
                    replaced[number] = line[..<prefix]
                    directives[number] = .close
                    continue
                }
                open.removeLast()
                directives[number] = .close
            } else {
                let infoOffset = line.utf8.distance(from: line.startIndex, to: info.startIndex)
                let (container, unknown) = Self.container(info, line: number, offset: infoOffset)
                if let unknown {
                    problems.append(Problem(code: .containerUnknown, line: number, column: infoOffset + 1,
                                            message: "unknown container type '\(unknown)': use note, tip, important, warning, caution, details, tabs or code-group; it is shown as a plain box"))
                }
                directives[number] = .open(container)
                open.append((number, length, prefixLength + 1, container.kind == .tabs))
            }
            replaced[number] = line[..<prefix]
        }
        for container in open {
            problems.append(Problem(code: .containerUnclosed, line: container.line, column: container.column,
                                    message: "this container is not closed: add a line with ':::' where it ends"))
        }
        guard !replaced.isEmpty else { return }
        var rewritten = ""
        rewritten.reserveCapacity(source.utf8.count + replaced.count * 16)
        for number in 1...lines.count {
            if let prefix = replaced[number] {
                rewritten += prefix
                rewritten += "<!-- tebiki -->"
            } else {
                rewritten += lines[number]
            }
            if number < lines.count { rewritten += "\n" }
        }
        text = rewritten
    }
}

private extension ContainerFences {
    /// `tip タイトル`, `warning`, Docusaurus's `tip[タイトル]`, Zenn's `message alert`, Qiita's
    /// `note warn`: the container, and the type when it is not one Tebiki knows.
    static func container(_ info: Substring, line: Int, offset: Int) -> (Container, unknown: String?) {
        let typeEnd = info.firstIndex { $0 == " " || $0 == "\t" || $0 == "[" || $0 == "{" } ?? info.endIndex
        let type = info[..<typeEnd].lowercased()
        var rest = info[typeEnd...]
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: rest.startIndex)..<close]
        }
        rest = rest.trimmingSpaces()
        // Zenn and Qiita name the kind in a second word.
        let second = rest.prefix { $0 != " " && $0 != "\t" }.lowercased()
        var kind: Container.Kind
        var takesSecond = false
        switch type {
        case "note" where ["info", "warn", "alert"].contains(second), "message" where second == "alert":
            kind = .callout(second == "info" ? "note" : second == "warn" ? "warning" : type == "message" ? "warning" : "caution")
            takesSecond = true
        case "note", "info", "message": kind = .callout("note")
        case "tip": kind = .callout("tip")
        case "important": kind = .callout("important")
        case "warning", "warn": kind = .callout("warning")
        case "danger", "caution": kind = .callout("caution")
        case "details": kind = .details
        case "tabs": kind = .tabs
        case "code-group": kind = .codeGroup
        default: kind = .other(type)
        }
        if takesSecond { rest = rest.dropFirst(second.count).trimmingSpaces() }
        let titleOffset = offset + info.utf8.distance(from: info.startIndex, to: rest.startIndex)
        let container = Container(kind: kind, title: rest.isEmpty ? nil : String(rest),
                                  titleOrigin: SourceOrigin(line: line, byteOffset: titleOffset))
        if case .other(let name) = kind { return (container, name) }
        return (container, nil)
    }
}
