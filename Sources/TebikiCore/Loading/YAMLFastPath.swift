/// Front matter in the shape most of it has, read without libyaml, which was most of the cost
/// of loading an article: `key: value` lines at the left margin whose values are plain text,
/// quoted text without escapes, a one-line `[a, "b"]` list or a `- item` list. Anything else
/// (comments, anchors, tags, escapes, nested mappings, empty values, text over several lines,
/// tabs, carriage returns, unusual characters…) is nil, and Yams reads the document. It must
/// never read a document differently from Yams: a test holds it to that, marks included.
enum YAMLFastPath {
    /// The document as a mapping, or nil when it is not in the simple shape.
    static func mapping(_ text: String) -> YAMLNode? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, hasOnlyPlainCharacters(bytes) else { return nil }
        return Reader(bytes: bytes).document()
    }
}

private extension YAMLFastPath {
    typealias Mark = YAMLNode.Mark

    /// No tab, carriage return or other control character, no byte order mark, none of the
    /// line breaks YAML 1.1 knows beyond `\n` (U+0085, U+2028, U+2029), no U+FFFE or U+FFFF.
    static func hasOnlyPlainCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
            if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return false }
            if byte == 0xEF && index + 2 < bytes.count
                && (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) {
                return false
            }
            index += 1
        }
        return true
    }

    struct Reader {
        let bytes: [UInt8]
        /// Where each line starts and ends (before its `\n`).
        let lines: [(start: Int, end: Int)]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // Labelled as the property is: an unlabelled list was converted by a run-time cast.
            var lines: [(start: Int, end: Int)] = []
            lines.reserveCapacity(16)
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                lines.append((start, index))
                start = index + 1
            }
            if start < bytes.count { lines.append((start, bytes.count)) }
            self.lines = lines
        }

        func document() -> YAMLNode? {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            // A front matter has a handful of keys: compared one by one, not hashed into a Set.
            var keys: [String] = []
            pairs.reserveCapacity(lines.count)
            keys.reserveCapacity(lines.count)
            var firstKey: Mark?
            var line = 0
            while line < lines.count {
                let (start, end) = lines[line]
                if start == end {
                    line += 1
                    continue
                }
                var position = start
                while position < end && Self.isKeyByte(bytes[position]) { position += 1 }
                // A key at the margin, then `: `; a line that does not start so is not this shape.
                guard position > start, bytes[start] != 0x2D, position < end, bytes[position] == colon,
                      position + 1 == end || bytes[position + 1] == space else { return nil }
                let key = String(decoding: bytes[start..<position], as: UTF8.self)
                guard !keys.contains(key) else { return nil }  // Yams reports it
                keys.append(key)
                let keyMark = Mark(line: line + 1, column: 1)
                firstKey = firstKey ?? keyMark
                position = skipSpaces(position + 1, end)
                let value: YAMLNode
                if position == end {
                    guard let list = blockSequence(after: line) else { return nil }
                    (value, line) = list
                } else {
                    guard let found = blockValue(from: position, to: end, line: line) else { return nil }
                    value = found
                    line += 1
                }
                pairs.append((.scalar(.init(string: key, style: .plain, mark: keyMark)), value))
            }
            guard let firstKey else { return nil }
            return .mapping(pairs, firstKey)
        }
    }
}

private extension YAMLFastPath.Reader {
    typealias Mark = YAMLNode.Mark

    var colon: UInt8 { 0x3A }
    var space: UInt8 { 0x20 }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
    }

    /// A plain scalar may not start with an indicator.
    static func isIndicator(_ byte: UInt8) -> Bool {
        // A switch, not a search of a literal's UTF-8 view, which cost a hundred instructions.
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// What ends a plain item of a flow list, read for every byte of it.
    static func endsFlowItem(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: ",")
    }

    /// The column of a byte of a line: Unicode scalars before it, plus one.
    func column(of position: Int, line: Int) -> Int {
        var column = 1
        for index in lines[line].start..<position where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    func mark(_ position: Int, line: Int) -> Mark { Mark(line: line + 1, column: column(of: position, line: line)) }

    /// A value that fills the rest of a line: quoted text, a flow list or plain text.
    func blockValue(from start: Int, to end: Int, line: Int) -> YAMLNode? {
        switch bytes[start] {
        case 0x22, 0x27:
            guard let (scalar, after) = quoted(from: start, to: end, line: line), restIsBlank(after, end) else { return nil }
            return scalar
        case 0x5B:
            return flowSequence(from: start, to: end, line: line)
        default:
            var last = end
            while last > start && bytes[last - 1] == space { last -= 1 }
            let text = bytes[start..<last]
            guard !Self.isIndicator(bytes[start]), text.last != colon else { return nil }
            for index in text.indices.dropLast() {
                // `: ` starts a mapping and ` #` a comment.
                if bytes[index] == colon && bytes[index + 1] == space || bytes[index] == space && bytes[index + 1] == 0x23 { return nil }
            }
            return .scalar(.init(string: String(decoding: text, as: UTF8.self), style: .plain, mark: mark(start, line: line)))
        }
    }

    /// `"text"` without a backslash, or `'text'` without a doubled quote; where it ends.
    func quoted(from start: Int, to end: Int, line: Int) -> (YAMLNode, Int)? {
        let quote = bytes[start]
        guard let close = bytes[(start + 1)..<end].firstIndex(of: quote) else { return nil }
        let content = bytes[(start + 1)..<close]
        if quote == 0x22 && content.contains(0x5C) { return nil }
        if quote == 0x27 && close + 1 < end && bytes[close + 1] == 0x27 { return nil }
        let style: YAMLNode.Style = quote == 0x22 ? .doubleQuoted : .singleQuoted
        return (.scalar(.init(string: String(decoding: content, as: UTF8.self), style: style, mark: mark(start, line: line))), close + 1)
    }

    /// `[a, "b", c]` on one line, nothing after it.
    func flowSequence(from start: Int, to end: Int, line: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        items.reserveCapacity(8)
        var position = skipSpaces(start + 1, end)
        if position < end && bytes[position] == 0x5D {
            return restIsBlank(position + 1, end) ? .sequence([], mark(start, line: line)) : nil
        }
        while position < end {
            let item: YAMLNode
            if bytes[position] == 0x22 || bytes[position] == 0x27 {
                guard let (scalar, after) = quoted(from: position, to: end, line: line) else { return nil }
                item = scalar
                position = skipSpaces(after, end)
            } else {
                var stop = position
                while stop < end && !Self.endsFlowItem(bytes[stop]) { stop += 1 }
                var last = stop
                while last > position && bytes[last - 1] == space { last -= 1 }
                let text = bytes[position..<last]
                guard !text.isEmpty, !Self.isIndicator(bytes[position]), !text.contains(colon) else { return nil }
                for index in text.indices.dropLast() where bytes[index] == space && bytes[index + 1] == 0x23 { return nil }
                item = .scalar(.init(string: String(decoding: text, as: UTF8.self), style: .plain, mark: mark(position, line: line)))
                position = stop
            }
            items.append(item)
            guard position < end else { return nil }
            if bytes[position] == 0x5D {
                return restIsBlank(position + 1, end) ? .sequence(items, mark(start, line: line)) : nil
            }
            guard bytes[position] == 0x2C else { return nil }
            position = skipSpaces(position + 1, end)
            // `[a, ]` and `[a,,b]` are left to Yams.
            guard position < end, bytes[position] != 0x5D, bytes[position] != 0x2C else { return nil }
        }
        return nil
    }

    /// `- item` lines after a key with no value on its own line, all indented alike; the list
    /// and the line after it.
    func blockSequence(after keyLine: Int) -> (YAMLNode, Int)? {
        var items: [YAMLNode] = []
        var line = keyLine + 1
        var indent: Int?
        var first: Mark?
        while line < lines.count {
            let (start, end) = lines[line]
            var dash = start
            while dash < end && bytes[dash] == space { dash += 1 }
            guard dash < end, bytes[dash] == 0x2D, dash + 1 < end, bytes[dash + 1] == space else { break }
            guard indent == nil || indent == dash - start else { return nil }
            indent = dash - start
            first = first ?? mark(dash, line: line)
            let value = skipSpaces(dash + 2, end)
            guard value < end, bytes[value] != 0x5B, let item = blockValue(from: value, to: end, line: line), item.scalar != nil else { return nil }
            items.append(item)
            line += 1
        }
        guard let first else { return nil }
        // What follows must be the next key (or blank, or the end): an indented line here is not this shape.
        if line < lines.count, lines[line].start < lines[line].end, bytes[lines[line].start] == space { return nil }
        return (.sequence(items, first), line)
    }

    func skipSpaces(_ start: Int, _ end: Int) -> Int {
        var position = start
        while position < end && bytes[position] == space { position += 1 }
        return position
    }

    func restIsBlank(_ start: Int, _ end: Int) -> Bool { skipSpaces(start, end) == end }
}
