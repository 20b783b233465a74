/// GitHub's inline extensions, made from the text cmark leaves: `~~strikethrough~~`, bare
/// `https://…`, `www.…` and e-mail autolinks, and the box of a task list item. Works on the
/// events of one paragraph, heading or table cell, which cmark has already split into text,
/// code, emphasis and links; matching follows GitHub's rules for where a `~` run may open or
/// close and where an autolink ends.
enum InlineExtensions {
    /// `events` runs from the block's enter to its exit. `task` is the state of the box this
    /// block starts with, when it is the first paragraph of a task list item.
    static func apply(_ events: inout [MarkdownEvent], task: Bool? = nil) {
        if let task { markTask(&events, checked: task) }
        if events.contains(where: { $0.text?.utf8.contains(UInt8(ascii: "~")) == true }) { strike(&events) }
        if events.contains(where: { $0.text.map(mayHoldAutolink) == true }) { autolink(&events) }
    }

    /// One text outside links, in a block passed on event by event (one without `~`, where
    /// nothing pairs across its texts): its autolinks as events, or nil when it has none.
    static func autolinked(_ node: MarkdownNode) -> [MarkdownEvent]? {
        guard mayHoldAutolink(node.literal) else { return nil }
        let utf8 = Array(node.literal.utf8)
        let links = autolinks(in: utf8)
        guard !links.isEmpty else { return nil }
        var result: [MarkdownEvent] = []
        var from = 0
        for link in links {
            if link.range.lowerBound > from { result.append(.enter(piece(node, utf8, from, link.range.lowerBound))) }
            let text = piece(node, utf8, link.range.lowerBound, link.range.upperBound)
            var anchor = text
            anchor.kind = .link(url: link.url, title: "")
            anchor.literal = ""
            result += [.enter(anchor), .enter(text), .exit(anchor)]
            from = link.range.upperBound
        }
        if from < utf8.count { result.append(.enter(piece(node, utf8, from, utf8.count))) }
        return result
    }

    /// A task item's first text: the box, then the text without `[x]`.
    static func taskMarked(_ text: MarkdownNode, checked: Bool) -> (marker: MarkdownNode, text: MarkdownNode) {
        var rest = text
        rest.literal = String(text.literal.utf8.dropFirst(3)) ?? ""
        rest.column += 3
        var marker = text
        marker.kind = .taskMarker(checked: checked)
        marker.literal = ""
        return (marker, rest)
    }
}

extension MarkdownEvent {
    /// The literal of a text node.
    var text: String? {
        if case .enter(let node) = self, case .text = node.kind { return node.literal }
        return nil
    }
}

private extension InlineExtensions {
    static func markTask(_ events: inout [MarkdownEvent], checked: Bool) {
        guard let index = events.firstIndex(where: { $0.text != nil }), case .enter(let node) = events[index] else { return }
        let (marker, rest) = taskMarked(node, checked: checked)
        events[index] = .enter(rest)
        events.insert(.enter(marker), at: index)
    }

    // MARK: Strikethrough

    struct Run {
        var event: Int
        var offset: Int
        var length: Int
        var parent: Int
    }

    static func strike(_ events: inout [MarkdownEvent]) {
        var parents: [Int] = []
        var openers: [Run] = []
        // Cuts in each text event: byte offset, length, and whether it opens.
        var cuts: [Int: [(offset: Int, length: Int, opens: Bool)]] = [:]
        for (index, event) in events.enumerated() {
            switch event {
            case .enter(let node) where node.kind.isInlineContainer: parents.append(index)
            case .exit(let node) where node.kind.isInlineContainer: parents.removeLast()
            case .enter(let node):
                guard case .text = node.kind, node.literal.utf8.contains(UInt8(ascii: "~")) else { continue }
                let bytes = Array(node.literal.utf8)
                var position = 0
                while position < bytes.count {
                    guard bytes[position] == UInt8(ascii: "~") else { position += 1; continue }
                    let start = position
                    while position < bytes.count, bytes[position] == UInt8(ascii: "~") { position += 1 }
                    let length = position - start
                    guard length <= 2 else { continue }
                    let before = start > 0 ? character(bytes, endingAt: start) : neighbour(events, index, step: -1)
                    let after = position < bytes.count ? character(bytes, startingAt: position) : neighbour(events, index, step: 1)
                    let (canOpen, canClose) = flanking(before: before, after: after)
                    let run = Run(event: index, offset: start, length: length, parent: parents.last ?? -1)
                    if canClose, let match = openers.lastIndex(where: { $0.length == length && $0.parent == run.parent }) {
                        let opener = openers[match]
                        openers.removeSubrange(match...)
                        cuts[opener.event, default: []].append((opener.offset, length, true))
                        cuts[index, default: []].append((start, length, false))
                    } else if canOpen {
                        openers.append(run)
                    }
                }
            default: break
            }
        }
        guard !cuts.isEmpty else { return }
        var result: [MarkdownEvent] = []
        result.reserveCapacity(events.count + cuts.count * 3)
        for (index, event) in events.enumerated() {
            guard let textCuts = cuts[index], case .enter(let node) = event else {
                result.append(event)
                continue
            }
            let utf8 = Array(node.literal.utf8)
            var from = 0
            for cut in textCuts.sorted(by: { $0.offset < $1.offset }) {
                if cut.offset > from { result.append(.enter(piece(node, utf8, from, cut.offset))) }
                var marker = node
                marker.kind = .strikethrough
                marker.literal = ""
                result.append(cut.opens ? .enter(marker) : .exit(marker))
                from = cut.offset + cut.length
            }
            if from < utf8.count { result.append(.enter(piece(node, utf8, from, utf8.count))) }
        }
        events = result
    }

    /// GitHub's flanking rules, with nil for the start or end of the block (whitespace).
    static func flanking(before: Character?, after: Character?) -> (canOpen: Bool, canClose: Bool) {
        let beforeSpace = before.map { $0.isWhitespace } ?? true
        let afterSpace = after.map { $0.isWhitespace } ?? true
        let beforePunctuation = before.map(isPunctuation) ?? false
        let afterPunctuation = after.map(isPunctuation) ?? false
        let left = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let right = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        return (left, right)
    }

    static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }

    /// The character next to a text event's end: from the neighbouring text or code, markup
    /// (`*`, `]`) counting as punctuation, a line break as whitespace.
    static func neighbour(_ events: [MarkdownEvent], _ index: Int, step: Int) -> Character? {
        let next = index + step
        guard events.indices.contains(next) else { return nil }
        switch events[next] {
        case .enter(let node), .exit(let node):
            switch node.kind {
            case .text, .code: return step < 0 ? node.literal.last : node.literal.first
            case .softBreak, .lineBreak: return " "
            case .paragraph, .heading, .tableCell: return nil
            default: return "*"
            }
        }
    }

    static func character(_ bytes: [UInt8], endingAt end: Int) -> Character? {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).first
    }

    static func character(_ bytes: [UInt8], startingAt start: Int) -> Character? {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).first
    }

    static func piece(_ node: MarkdownNode, _ utf8: [UInt8], _ from: Int, _ to: Int) -> MarkdownNode {
        var piece = node
        piece.literal = String(decoding: utf8[from..<to], as: UTF8.self)
        piece.column = node.column + from
        return piece
    }

    // MARK: Autolinks

    /// `://`, `www.` or `@` somewhere: checked on the bytes in place before any text is copied.
    static func mayHoldAutolink(_ text: String) -> Bool {
        text.withContiguousUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "@"): return true
                case UInt8(ascii: ":") where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/"):
                    return true
                case UInt8(ascii: ".") where index >= 3 && bytes[(index - 3)..<index].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }):
                    return true
                default: continue
                }
            }
            return false
        }
    }

    static func autolink(_ events: inout [MarkdownEvent]) {
        var result: [MarkdownEvent] = []
        result.reserveCapacity(events.count)
        var linkDepth = 0
        for event in events {
            switch event {
            case .enter(let node):
                switch node.kind {
                case .link, .image: linkDepth += 1
                case .text where linkDepth == 0:
                    guard let pieces = autolinked(node) else { break }
                    result += pieces
                    continue
                default: break
                }
            case .exit(let node):
                if case .link = node.kind { linkDepth -= 1 }
                if case .image = node.kind { linkDepth -= 1 }
            }
            result.append(event)
        }
        events = result
    }

    /// Byte ranges of the autolinks in one text, with the URL each points at.
    static func autolinks(in bytes: [UInt8]) -> [(range: Range<Int>, url: String)] {
        var found: [(Range<Int>, String)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let startsWord = index == 0 || isDelimiter(bytes[index - 1])
            if startsWord, byte | 0x20 == UInt8(ascii: "w"), hasPrefix(bytes, index, "www."),
               let end = urlEnd(bytes, domainStart: index, requireDot: true) {
                found.append((index..<end, "http://" + String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
                continue
            }
            // A scheme may follow anything but a letter (`"https://…"`, `:https://…`).
            if byte | 0x20 == UInt8(ascii: "h"), index == 0 || !isLetter(bytes[index - 1]),
               let scheme = ["http://", "https://"].first(where: { hasPrefix(bytes, index, $0) }),
               let end = urlEnd(bytes, domainStart: index + scheme.utf8.count, requireDot: false) {
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                found.append((index..<end, text))
                index = end
                continue
            }
            if byte == UInt8(ascii: "@"), let link = email(bytes, at: index, after: found.last?.0.upperBound ?? 0) {
                found.append(link)
                index = link.0.upperBound
                continue
            }
            index += 1
        }
        return found
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "(")
    }

    static func hasPrefix(_ bytes: [UInt8], _ index: Int, _ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard index + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where bytes[index + offset] | 0x20 != prefix[offset] | 0x20 { return false }
        return true
    }

    /// Letters, digits, `-`, `_` and anything beyond ASCII may be in a domain.
    static func isDomainByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// Where a URL whose domain starts at `domainStart` ends: at whitespace or `<`, less the
    /// trailing punctuation GitHub leaves out, an unbalanced `)`, or an entity-like `&x;`.
    static func urlEnd(_ bytes: [UInt8], domainStart: Int, requireDot: Bool) -> Int? {
        var index = domainStart
        var segments: [Range<Int>] = []
        var segmentStart = index
        while index < bytes.count, isDomainByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
            if bytes[index] == UInt8(ascii: ".") {
                segments.append(segmentStart..<index)
                segmentStart = index + 1
            }
            index += 1
        }
        segments.append(segmentStart..<index)
        // A trailing dot is punctuation, not an empty label.
        if segments.count > 1, segments.last?.isEmpty == true { segments.removeLast() }
        guard segments.allSatisfy({ !$0.isEmpty }), index > domainStart else { return nil }
        if requireDot, segments.count < 2 { return nil }
        // No underscore in the last two labels.
        for segment in segments.suffix(2) where bytes[segment].contains(UInt8(ascii: "_")) { return nil }
        while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0A, bytes[index] != UInt8(ascii: "<") {
            index += 1
        }
        var end = index
        while end > domainStart {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opened = bytes[domainStart..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closed = bytes[domainStart..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closed > opened else { break }
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var start = end - 1
                while start > domainStart, isAlphanumeric(bytes[start - 1]) { start -= 1 }
                guard start < end - 1, start > domainStart, bytes[start - 1] == UInt8(ascii: "&") else { break }
                end = start - 1
            } else {
                break
            }
        }
        return end > domainStart ? end : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// `name@example.com` around the `@` at `at`, not reaching back before `after`.
    static func email(_ bytes: [UInt8], at: Int, after: Int) -> (Range<Int>, String)? {
        var start = at
        while start > after, isAlphanumeric(bytes[start - 1]) || ".+-_".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "_")
            || (bytes[end] == UInt8(ascii: ".") && end + 1 < bytes.count && (isAlphanumeric(bytes[end + 1]) || bytes[end + 1] == UInt8(ascii: "-") || bytes[end + 1] == UInt8(ascii: "_"))) {
            if bytes[end] == UInt8(ascii: ".") { dots += 1 }
            end += 1
        }
        guard dots > 0, end > at + 1, bytes[end - 1] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "_") else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return (start..<end, "mailto:" + text)
    }
}

extension MarkdownNode.Kind {
    /// Inline nodes with children: a strikethrough cannot reach across their edges.
    var isInlineContainer: Bool {
        switch self {
        case .emphasis, .strong, .link, .image, .strikethrough: true
        default: false
        }
    }
}
