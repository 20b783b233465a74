/// A fenced code block's info string as VitePress and other tools write it: the language, then
/// options: lines to highlight (`js{4}`, `js{1,3-5}`), line numbers (`ts:line-numbers`) and a
/// title (`title="app.js"`, or a code group's `[app.js]`). `language-js{4}` as a class would
/// match no highlighter, so the language is cut from the options.
struct CodeBlockInfo: Equatable {
    var language: String = ""
    var highlighted: Set<Int> = []
    var lineNumbers = false
    var title: String?

    /// Lines beyond this are not marked: `{1-999999999}` must not make a billion numbers.
    static let highlightLimit = 10_000

    init(_ info: String) {
        var rest = Substring(info).trimmingSpaces()
        let end = rest.firstIndex { $0 == "{" || $0 == ":" || $0 == " " || $0 == "[" || $0 == "\t" } ?? rest.endIndex
        language = String(rest[..<end])
        rest = rest[end...]
        while let first = rest.first {
            switch first {
            case "{":
                let close = rest.firstIndex(of: "}") ?? rest.endIndex
                highlighted.formUnion(Self.lines(rest.dropFirst().prefix(upTo: close)))
                rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[close...]
            case "[":
                let close = rest.firstIndex(of: "]") ?? rest.endIndex
                let label = rest.dropFirst().prefix(upTo: close)
                if !label.isEmpty { title = String(label) }
                rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[close...]
            case ":":
                let word = rest.dropFirst().prefix { $0 != " " && $0 != "{" && $0 != ":" && $0 != "[" }
                if word == "line-numbers" { lineNumbers = true }
                rest = rest.dropFirst(word.count + 1)
            case _ where rest.hasPrefix("title=\"") || rest.hasPrefix("title='"):
                let quote = rest[rest.index(rest.startIndex, offsetBy: 6)]
                let body = rest.dropFirst(7)
                let close = body.firstIndex(of: quote) ?? body.endIndex
                title = String(body[..<close])
                rest = close < body.endIndex ? body[body.index(after: close)...] : body[close...]
            default:
                rest = rest.dropFirst()
            }
        }
    }

    /// Whether anything beyond the language was asked for.
    var hasOptions: Bool { !highlighted.isEmpty || lineNumbers || title != nil }
}

private extension CodeBlockInfo {
    /// `1,3-5` → 1, 3, 4, 5; what is not a number or a range is ignored.
    static func lines(_ list: Substring) -> Set<Int> {
        var lines: Set<Int> = []
        for part in list.split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
            guard let low = bounds.first ?? nil, low >= 1 else { continue }
            let high = bounds.count == 2 ? (bounds[1] ?? low) : low
            guard high >= low else { continue }
            for line in low...min(high, low + highlightLimit, highlightLimit) { lines.insert(line) }
        }
        return lines
    }
}
