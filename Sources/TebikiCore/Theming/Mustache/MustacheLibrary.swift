import Foundation

/// Templates by name, each a partial of the others: renders one with a value. A partial tag on
/// a line of its own is indented as its line is, which needs the partial compiled again with
/// that indentation; those copies are made on first use and kept.
public final class MustacheLibrary: @unchecked Sendable {
    private let texts: [String: String]
    /// Each template as written, made once and never changed, so read without the lock: every
    /// page names three or four partials, and both cores waited on the lock for them.
    private let unindented: [String: MustacheProgram]
    /// The indented copies, made as they are first needed.
    private var indented: [String: MustacheProgram] = [:]
    private let lock = NSLock()

    /// `texts`: each template's text by name. Throws the first template that does not parse.
    /// An interpolation (`{{name}}`) is escaped as HTML.
    public init(_ texts: [String: String]) throws(MustacheLibrary.Problem) {
        self.texts = texts
        var compiled: [String: MustacheProgram] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do throws(MustacheTemplate.Problem) {
                compiled[name] = try MustacheTemplate(text).program
            } catch {
                throw Problem(template: name, problem: error)
            }
        }
        unindented = compiled
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
        guard let program = program(name, indent: "") else { return [] }
        var out: [UInt8] = []
        // Room for a usual page from the start: grown from empty, a page was copied five times.
        out.reserveCapacity(16_384)
        var stack = [value]
        run(program, &stack, &out, blocks: [:])
        return out
    }
}

private extension MustacheLibrary {
    /// The program of the template `name`, each line after the first indented by `indent`.
    func program(_ name: String, indent: String) -> MustacheProgram? {
        if indent.isEmpty { return unindented[name] }
        let key = name + "\u{0}" + indent
        lock.lock()
        defer { lock.unlock() }
        if let known = indented[key] { return known }
        guard let text = texts[name] else { return nil }
        // Indented before it is compiled, as the specification says: a value with line breaks
        // that fills it is not indented.
        var shifted = ""
        var atLineStart = true
        for character in text {
            if atLineStart { shifted += indent }
            shifted.append(character)
            atLineStart = character == "\n" || character == "\r\n"
        }
        let made = try? MustacheTemplate(shifted).program
        indented[key] = made
        return made
    }

    /// Fills a template from its flat program.
    func run(_ program: MustacheProgram, _ stack: inout [MustacheValue], _ out: inout [UInt8],
             blocks: [String: MustacheTemplate.Block]) {
        program.steps.withUnsafeBufferPointer { steps in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.keys.withUnsafeBufferPointer { keys in
                    run(steps, 0..<steps.count, bytes, keys, program.nodes, &stack, &out, blocks: blocks)
                }
            }
        }
    }

    /// The steps in `range`; a section's inner steps are those up to its `end`.
    func run(_ steps: UnsafeBufferPointer<MustacheProgram.Step>, _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
             _ keys: UnsafeBufferPointer<MustacheKey>, _ nodes: [MustacheTemplate.Node], _ stack: inout [MustacheValue],
             _ out: inout [UInt8], blocks: [String: MustacheTemplate.Block]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let step = steps[index]
            let first = Int(step.start), end = Int(step.start + step.count)
            switch step.kind {
            case .text:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first..<end]))
                index += 1
            case .value:
                write(Self.lookup(UnsafeBufferPointer(rebasing: keys[first..<end]), in: stack), escaped: step.flag, to: &out)
                index += 1
            case .section:
                let value = Self.lookup(UnsafeBufferPointer(rebasing: keys[first..<end]), in: stack)
                let inner = index + 1..<Int(step.end)
                Self.fill(section: value, inverted: step.flag, &stack) { run(steps, inner, bytes, keys, nodes, &$0, &out, blocks: blocks) }
                index = Int(step.end)
            case .block:
                // Its default unless a caller gives the block.
                if !blocks.isEmpty, case .block(let name, let standalone, let indent, let inner) = nodes[first], let given = blocks[name] {
                    var filled: [UInt8] = []
                    run(given.program, &stack, &filled, blocks: blocks)
                    let indent = standalone ? Self.indentation(of: inner) ?? indent : ""
                    out.append(utf8: Self.reindent(String(decoding: filled, as: UTF8.self), to: indent, standalone: standalone))
                } else {
                    run(steps, index + 1..<Int(step.end), bytes, keys, nodes, &stack, &out, blocks: blocks)
                }
                index = Int(step.end)
            case .node:
                include(nodes[first], &stack, &out, blocks: blocks)
                index += 1
            }
        }
    }

    /// A partial, or a parent with the blocks it gives.
    func include(_ node: MustacheTemplate.Node, _ stack: inout [MustacheValue], _ out: inout [UInt8],
                 blocks: [String: MustacheTemplate.Block]) {
        switch node {
        case .partial(let name, let indent):
            if let partial = program(name, indent: indent) { run(partial, &stack, &out, blocks: blocks) }
        case .parent(let name, let indent, let given):
            // The caller's blocks win over those given here, so the outermost template decides.
            let merged = blocks.merging(given) { outer, _ in outer }
            if let parent = program(name, indent: indent) { run(parent, &stack, &out, blocks: merged) }
        default:
            preconditionFailure("only partials and parents are steps of their own")
        }
    }

    /// A section's inside, filled once for a truthy value (on top of the stack), once for each
    /// item of a list, and once for a falsy value when the section is inverted.
    static func fill(section value: MustacheValue, inverted: Bool, _ stack: inout [MustacheValue],
                     _ inside: (inout [MustacheValue]) -> Void) {
        if inverted {
            if !value.isTruthy { inside(&stack) }
        } else if case .list(let items) = value {
            for item in items {
                stack.append(item)
                inside(&stack)
                stack.removeLast()
            }
        } else if value.isTruthy {
            stack.append(value)
            inside(&stack)
            stack.removeLast()
        }
    }

    /// An interpolation's value: escaped as HTML unless the tag says not to. Text is written
    /// from the value as it is; through `text`, each was copied (retained) first.
    func write(_ value: borrowing MustacheValue, escaped: Bool, to out: inout [UInt8]) {
        switch value {
        case .string(let text):
            if escaped { HTMLEscaping.escape(text, into: &out) } else { out.append(utf8: text) }
        case .utf8(let bytes):
            if escaped { HTMLEscaping.escape(String(decoding: bytes, as: UTF8.self), into: &out) } else { out.append(contentsOf: bytes) }
        default:
            let text = (copy value).text
            if escaped { HTMLEscaping.escape(text, into: &out) } else { out.append(utf8: text) }
        }
    }

    /// A name's value: its first part looked up from the innermost value out, the rest inside
    /// it; null when any part is missing. `{{.}}` is the innermost value. Levels and members are
    /// read in place (borrowed), and only the value found is copied: read as copies, every level
    /// and member passed on the way was retained and released, and most names are found at the
    /// bottom of the stack, in the site's and the theme's values, which every page shares.
    static func lookup(_ path: UnsafeBufferPointer<MustacheKey>, in stack: [MustacheValue]) -> MustacheValue {
        guard !path.isEmpty else { return stack.last ?? .null }
        return stack.withUnsafeBufferPointer { levels in
            var level = levels.count
            while level > 0 {
                level -= 1
                if let found = member(path, of: levels[level]) { return found }
            }
            return .null
        }
    }

    /// What `path` names inside `value`: nil when its first part is not a member, null when a
    /// later part is missing.
    static func member(_ path: UnsafeBufferPointer<MustacheKey>, of value: borrowing MustacheValue) -> MustacheValue? {
        // A switch: `if case` and `guard case` copy the value.
        switch value {
        case .object(let object):
            guard let index = object.index(of: path[0]) else { return nil }
            // A one-part name, as most are, copies its value once; a dotted one goes on in place.
            if path.count == 1 { return object.value(at: index) }
            return object.withValue(at: index) { member(UnsafeBufferPointer(rebasing: path.dropFirst()), of: $0) } ?? .null
        default:
            return nil
        }
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
