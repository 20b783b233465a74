import Foundation

/// A saved HTML page read into elements, forgivingly, as far as `tebiki check --product` needs
/// to match selectors against it: tags, attributes, nesting (void elements, raw text elements,
/// a closing tag closing what it skips), and declarative shadow roots
/// (`<template shadowrootmode="open">`), which `>>>` looks into. Text is not kept.
final class HTMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        weak var parent: Element?
        var children: [Element] = []
        /// The open shadow root a `<template shadowrootmode>` child declared.
        var shadowRoot: Element?
        var hasText = false

        init(name: String, attributes: [String: String], parent: Element?) {
            self.name = name
            self.attributes = attributes
            self.parent = parent
        }

        var id: String? { attributes["id"] }
        var classes: [Substring] { (attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }

        /// This element and every element below it, in document order (not into shadow roots).
        func descendants() -> [Element] {
            var found: [Element] = []
            var stack = Array(children.reversed())
            while let next = stack.popLast() {
                found.append(next)
                stack += next.children.reversed()
            }
            return found
        }
    }

    let root = Element(name: "#document", attributes: [:], parent: nil)

    init(_ html: String) {
        var parser = Parser(text: Array(html.unicodeScalars), tree: self)
        parser.run()
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr", "param", "keygen"]
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp", "noembed", "noframes"]
}

private extension HTMLTree {
    struct Parser {
        let text: [Unicode.Scalar]
        let tree: HTMLTree
        var index = 0
        var open: [Element] = []

        init(text: [Unicode.Scalar], tree: HTMLTree) {
            self.text = text
            self.tree = tree
            open = [tree.root]
        }

        mutating func run() {
            while index < text.count {
                if text[index] == "<" {
                    if starts("<!--") {
                        skip(past: "-->")
                    } else if index + 1 < text.count, text[index + 1] == "!" || text[index + 1] == "?" {
                        skip(past: ">")
                    } else if index + 1 < text.count, text[index + 1] == "/" {
                        closeTag()
                    } else if index + 1 < text.count, text[index + 1].properties.isAlphabetic {
                        openTag()
                    } else {
                        markText()
                        index += 1
                    }
                } else {
                    if !text[index].properties.isWhitespace { markText() }
                    index += 1
                }
            }
            finishShadowRoots(tree.root)
        }

        mutating func markText() { open.last?.hasText = true }

        mutating func openTag() {
            index += 1
            let name = readName().lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while index < text.count {
                skipSpaces()
                guard index < text.count else { break }
                if text[index] == ">" { index += 1; break }
                if text[index] == "/" { selfClosing = true; index += 1; continue }
                let attribute = readName().lowercased()
                if attribute.isEmpty { index += 1; continue }
                skipSpaces()
                var value = ""
                if index < text.count, text[index] == "=" {
                    index += 1
                    skipSpaces()
                    value = readValue()
                }
                if attributes[attribute] == nil { attributes[attribute] = decodeEntities(value) }
            }
            let element = Element(name: name, attributes: attributes, parent: open.last)
            open.last?.children.append(element)
            if HTMLTree.voidElements.contains(name) || selfClosing && name != "script" { return }
            if HTMLTree.rawTextElements.contains(name) {
                skip(past: "</" + name, caseInsensitive: true)
                skip(past: ">")
                return
            }
            open.append(element)
        }

        mutating func closeTag() {
            index += 2
            let name = readName().lowercased()
            skip(past: ">")
            // A closing tag closes what it skips; one that matches nothing open is ignored.
            guard let at = open.lastIndex(where: { $0.name == name }), at > 0 else { return }
            open.removeSubrange(at...)
        }

        /// `<template shadowrootmode="open">` becomes its parent's shadow root, as browsers parse it.
        func finishShadowRoots(_ element: Element) {
            for child in element.children { finishShadowRoots(child) }
            if let template = element.children.first(where: { $0.name == "template" && ($0.attributes["shadowrootmode"] ?? $0.attributes["shadowroot"]) == "open" }) {
                element.shadowRoot = template
                element.children.removeAll { $0 === template }
            }
        }

        mutating func readName() -> String {
            var name = ""
            while index < text.count {
                let scalar = text[index]
                if scalar.properties.isWhitespace || scalar == ">" || scalar == "/" || scalar == "=" { break }
                name.unicodeScalars.append(scalar)
                index += 1
            }
            return name
        }

        mutating func readValue() -> String {
            guard index < text.count else { return "" }
            var value = ""
            if text[index] == "\"" || text[index] == "'" {
                let quote = text[index]
                index += 1
                while index < text.count, text[index] != quote {
                    value.unicodeScalars.append(text[index])
                    index += 1
                }
                index += 1
                return value
            }
            while index < text.count, !text[index].properties.isWhitespace, text[index] != ">" {
                value.unicodeScalars.append(text[index])
                index += 1
            }
            return value
        }

        mutating func skipSpaces() {
            while index < text.count, text[index].properties.isWhitespace { index += 1 }
        }

        func starts(_ prefix: String, caseInsensitive: Bool = false) -> Bool {
            let wanted = Array(prefix.unicodeScalars)
            guard index + wanted.count <= text.count else { return false }
            for offset in wanted.indices {
                let have = text[index + offset], want = wanted[offset]
                if caseInsensitive ? String(have).lowercased() != String(want).lowercased() : have != want { return false }
            }
            return true
        }

        mutating func skip(past marker: String, caseInsensitive: Bool = false) {
            while index < text.count && !starts(marker, caseInsensitive: caseInsensitive) { index += 1 }
            index = min(text.count, index + marker.unicodeScalars.count)
        }

        func decodeEntities(_ value: String) -> String {
            guard value.contains("&") else { return value }
            return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
