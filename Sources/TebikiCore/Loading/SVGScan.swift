import Foundation

/// Finds what in an SVG file could run code. An SVG is published as a file of its own, and one
/// opened directly (a reader's "open image in new tab", a link to it) runs its scripts in the
/// help centre's origin: with its cookies, its local storage and its other pages.
enum SVGScan {
    /// What the first dangerous part of `text` is, said for a writer, or nil when there is none.
    static func problem(in text: String) -> String? {
        var scanner = Scanner(Array(text.utf8))
        while let tag = scanner.nextTag() {
            if let problem = problem(of: tag) { return problem }
        }
        return nil
    }
}

extension SVGScan {
    /// The size the root `<svg>` asks for: its `width` and `height` when both are plain or `px`
    /// numbers, else its `viewBox`.
    static func size(in text: String) -> ImageSize? {
        var scanner = Scanner(Array(text.utf8))
        while let tag = scanner.nextTag() {
            guard tag.name == "svg" else { continue }
            let attributes = Dictionary(tag.attributes, uniquingKeysWith: { first, _ in first })
            func pixels(_ name: String) -> Double? {
                guard var value = attributes[name]?.trimmingCharacters(in: .whitespaces) else { return nil }
                if value.hasSuffix("px") { value.removeLast(2) }
                return Double(value)
            }
            if let width = pixels("width"), let height = pixels("height"), width >= 1, height >= 1 {
                return ImageSize(width: Int(width.rounded()), height: Int(height.rounded()))
            }
            let box = (attributes["viewbox"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard box.count == 4, box[2] >= 1, box[3] >= 1 else { return nil }
            return ImageSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
        }
        return nil
    }
}

private extension SVGScan {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    static let scriptElements: Set<String> = ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]
    static let animations: Set<String> = ["animate", "set", "animatemotion", "animatetransform"]
    static let linkAttributes: Set<String> = ["href", "xlink:href", "src", "action", "formaction", "from", "to", "values"]

    static func problem(of tag: Tag) -> String? {
        if tag.name == "!entity" { return "an <!ENTITY> declaration, which can hide markup from this check" }
        if scriptElements.contains(tag.name) { return "a <\(tag.name)> element, which can run code" }
        for (name, value) in tag.attributes {
            if name.hasPrefix("on") && name.count > 2 { return "an event handler attribute '\(name)' on <\(tag.name)>" }
            if animations.contains(tag.name) && name == "attributename" && (value == "href" || value == "xlink:href") {
                return "an <\(tag.name)> that rewrites a link, which can turn it into a script"
            }
            if linkAttributes.contains(name) {
                let url = String(value.unicodeScalars.filter { $0.value > 0x20 })
                for scheme in ["javascript:", "vbscript:", "data:text/html"] where url.hasPrefix(scheme) {
                    return "a '\(scheme.prefix { $0 != "/" })' URL in '\(name)' on <\(tag.name)>"
                }
            }
        }
        return nil
    }

    /// Reads tags and their attributes from bytes, with names lower-cased and values'
    /// character references decoded; comments, CDATA and text between tags are skipped.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func nextTag() -> Tag? {
            while let open = bytes[index...].firstIndex(of: 0x3C) {
                index = open + 1
                if starts(with: "!--") {
                    index = find("-->") ?? bytes.count
                    continue
                }
                if starts(with: "![CDATA[") {
                    index = find("]]>") ?? bytes.count
                    continue
                }
                let name = readName(allowingBang: true)
                if name.isEmpty || name.hasPrefix("?") { continue }
                if name == "!doctype" { continue }  // its internal subset is read tag by tag
                // The local name: a prefix bound to the SVG namespace (`<s:script>`) is still SVG.
                let local = name.split(separator: ":").last.map(String.init) ?? name
                return Tag(name: local, attributes: readAttributes())
            }
            index = bytes.count
            return nil
        }

        func starts(with text: String) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
        }

        /// The index just past the next `text`.
        func find(_ text: String) -> Int? {
            let pattern = Array(text.utf8)
            var position = index
            while position + pattern.count <= bytes.count {
                if bytes[position] == pattern[0] && Array(bytes[position..<position + pattern.count]) == pattern {
                    return position + pattern.count
                }
                position += 1
            }
            return nil
        }

        mutating func readName(allowingBang: Bool = false) -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isNameByte = byte > 0x7F || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == 0x3A || byte == 0x2D || byte == 0x5F || byte == 0x2E || (allowingBang && index == start && (byte == 0x21 || byte == 0x3F))
                guard isNameByte else { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        }

        mutating func readAttributes() -> [(name: String, value: String)] {
            var attributes: [(String, String)] = []
            while index < bytes.count {
                while index < bytes.count && (bytes[index] <= 0x20 || bytes[index] == 0x2F) { index += 1 }
                guard index < bytes.count, bytes[index] != 0x3E else { break }
                let name = readName()
                if name.isEmpty {
                    index += 1  // a byte that starts no name (a quote, say): skip it
                    continue
                }
                while index < bytes.count && bytes[index] <= 0x20 { index += 1 }
                var value = ""
                if index < bytes.count && bytes[index] == 0x3D {
                    index += 1
                    while index < bytes.count && bytes[index] <= 0x20 { index += 1 }
                    value = readValue()
                }
                attributes.append((name, value))
            }
            if index < bytes.count { index += 1 }
            return attributes
        }

        mutating func readValue() -> String {
            guard index < bytes.count else { return "" }
            let quote = bytes[index]
            let start: Int
            if quote == 0x22 || quote == 0x27 {
                index += 1
                start = index
                while index < bytes.count && bytes[index] != quote { index += 1 }
            } else {
                start = index
                while index < bytes.count && bytes[index] > 0x20 && bytes[index] != 0x3E { index += 1 }
            }
            let raw = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
            if quote == 0x22 || quote == 0x27, index < bytes.count { index += 1 }
            return Self.decodingReferences(raw).lowercased()
        }

        /// `&#106;`, `&#x6A;` and the named references that hide a colon or spaces.
        static func decodingReferences(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                rest = rest[rest.index(after: amp)...]
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                let reference = rest[..<end]
                var decoded: String?
                if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                    decoded = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if reference.hasPrefix("#") {
                    decoded = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lpar": "(", "rpar": ")"][reference.lowercased()]
                }
                if let decoded {
                    out += decoded
                    rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
                } else {
                    out += "&"
                }
            }
            return out + rest
        }
    }
}
