import Foundation

/// Templates by name, each a partial of the others: renders one with a value. A partial tag on
/// a line of its own is indented as its line is, which needs the partial compiled again with
/// that indentation; those copies are made on first use and kept.
public final class MustacheLibrary: @unchecked Sendable {
    private let texts: [String: String]
    private var compiled: [String: MustacheTemplate]
    private let lock = NSLock()

    /// `texts`: each template's text by name. Throws the first template that does not parse.
    /// An interpolation (`{{name}}`) is escaped as HTML.
    public init(_ texts: [String: String]) throws(MustacheLibrary.Problem) {
        self.texts = texts
        var compiled: [String: MustacheTemplate] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do throws(MustacheTemplate.Problem) {
                compiled[name] = try MustacheTemplate(text)
            } catch {
                throw Problem(template: name, problem: error)
            }
        }
        self.compiled = compiled
    }

    public struct Problem: Error, Sendable {
        public var template: String
        public var problem: MustacheTemplate.Problem
    }

    public func has(_ name: String) -> Bool { texts[name] != nil }

    /// The template `name` filled with `value`; empty when there is no such template.
    public func render(_ name: String, _ value: MustacheValue) -> String {
        String(decoding: renderUTF8(name, value), as: UTF8.self)
    }

    /// The same as UTF-8, as pages are written: appended to an array of bytes, each piece
    /// costs a copy, where appended to a String it cost several hundred instructions more.
    public func renderUTF8(_ name: String, _ value: MustacheValue) -> [UInt8] {
        guard let template = template(name, indent: "") else { return [] }
        var out: [UInt8] = []
        // Room for a usual page from the start: grown from empty, a page was copied five times.
        out.reserveCapacity(16_384)
        var stack = [value]
        render(template.nodes, &stack, &out, blocks: [:])
        return out
    }
}

private extension MustacheLibrary {
    func template(_ name: String, indent: String) -> MustacheTemplate? {
        let key = indent.isEmpty ? name : name + "\u{0}" + indent
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[key] { return known }
        guard let text = texts[name] else { return nil }
        // Indented before it is compiled, as the specification says: a value with line breaks
        // that fills it is not indented.
        var indented = ""
        var atLineStart = true
        for character in text {
            if atLineStart { indented += indent }
            indented.append(character)
            atLineStart = character == "\n" || character == "\r\n"
        }
        let made = try? MustacheTemplate(indented)
        compiled[key] = made
        return made
    }

    func render(_ nodes: [MustacheTemplate.Node], _ stack: inout [MustacheValue], _ out: inout [UInt8],
                blocks: [String: MustacheTemplate.Block]) {
        for node in nodes {
            switch node {
            case .text(let text): out.append(contentsOf: text)
            case .value(let path, let escaped, _):
                let value = Self.lookup(path, in: stack)
                if case .utf8(let bytes) = value, !escaped {
                    out.append(contentsOf: bytes)
                } else if escaped {
                    HTMLEscaping.escape(value.text, into: &out)
                } else {
                    out.append(utf8: value.text)
                }
            case .section(let path, let inverted, let inner, _):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !value.isTruthy { render(inner, &stack, &out, blocks: blocks) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(inner, &stack, &out, blocks: blocks)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    render(inner, &stack, &out, blocks: blocks)
                    stack.removeLast()
                }
            case .partial(let name, let indent):
                if let partial = template(name, indent: indent) { render(partial.nodes, &stack, &out, blocks: blocks) }
            case .parent(let name, let indent, let given):
                // The caller's blocks win over those given here, so the outermost template decides.
                let merged = blocks.merging(given) { outer, _ in outer }
                if let parent = template(name, indent: indent) { render(parent.nodes, &stack, &out, blocks: merged) }
            case .block(let name, let standalone, let indent, let inner):
                guard let given = blocks[name] else {
                    render(inner, &stack, &out, blocks: blocks)
                    continue
                }
                var filled: [UInt8] = []
                render(given.nodes, &stack, &filled, blocks: blocks)
                let indent = standalone ? Self.indentation(of: inner) ?? indent : ""
                out.append(utf8: Self.reindent(String(decoding: filled, as: UTF8.self), to: indent, standalone: standalone))
            }
        }
    }

    /// A name's value: its first part looked up from the innermost value out, the rest inside
    /// it; null when any part is missing. `{{.}}` is the innermost value.
    static func lookup(_ path: [MustacheKey], in stack: [MustacheValue]) -> MustacheValue {
        guard let first = path.first else { return stack.last ?? .null }
        var found: MustacheValue?
        for value in stack.reversed() {
            if let member = value[first] {
                found = member
                break
            }
        }
        guard var value = found else { return .null }
        for part in path.dropFirst() {
            guard let member = value[part] else { return .null }
            value = member
        }
        return value
    }

    /// The whitespace that starts a block's default text, which says how its replacement is indented.
    static func indentation(of nodes: [MustacheTemplate.Node]) -> String? {
        guard case .text(let text)? = nodes.first else { return nil }
        let indent = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return indent.isEmpty ? nil : String(decoding: indent, as: UTF8.self)
    }

    /// A block's replacement, its own indentation (that of its first line) taken off every line
    /// and `indent` put on instead; a standalone block keeps its line's end.
    static func reindent(_ text: String, to indent: String, standalone: Bool) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let own = lines.first { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " || $0 == "\t" } } ?? ""
        var out = lines.enumerated().map { offset, line -> String in
            if line.isEmpty && offset == lines.count - 1 { return "" }
            let rest = line.hasPrefix(own) ? line.dropFirst(own.count) : line[...]
            return rest.isEmpty ? "" : indent + rest
        }.joined(separator: "\n")
        if standalone && !out.hasSuffix("\n") && !out.isEmpty { out += "\n" }
        return out
    }
}
