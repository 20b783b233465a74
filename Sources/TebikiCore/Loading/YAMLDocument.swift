import Foundation
import Yams

/// A YAML mapping read from a writer's file, with every problem reported at the line and column
/// the writer typed it. `lineOffset` is how many lines of the file come before the YAML text
/// (1 for front matter, after the opening `---`).
struct YAMLDocument {
    let path: String
    let lineOffset: Int
    /// The kind of problem a wrong value in this file is (`front-matter-invalid`, `config-invalid`…).
    var code: DiagnosticCode
    private(set) var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    /// The entries of a document that is a list (`init(sequenceText:path:)`).
    private(set) var items: [YAMLNode] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text`; an empty document is an empty mapping.
    init(text: String, path: String, lineOffset: Int, code: DiagnosticCode) {
        self.path = path
        self.lineOffset = lineOffset
        self.code = code
        let root: YAMLNode?
        if let simple = YAMLFastPath.mapping(text) {
            root = simple
        } else {
            do {
                root = try YAMLNode.composed(text)
            } catch {
                diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
                return
            }
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            diagnostics.append(error(at: root, "expected a mapping of keys to values"))
            return
        }
        pairs.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(error(at: keyNode, "expected a plain key"))
                continue
            }
            pairs.append((key, keyNode, value))
        }
    }

    /// Parses a file that is a list at the top (`_glossary.yml`, `_synonyms.yml`); an empty file
    /// is an empty list. `expected` says what the list holds, for a file that is not one.
    init(sequenceText text: String, path: String, expected: String = "a list", code: DiagnosticCode) {
        self.path = path
        lineOffset = 0
        self.code = code
        do {
            guard let root = try YAMLNode.composed(text) else { return }
            guard let sequence = root.sequence else {
                diagnostics.append(error(at: root, "expected \(expected)"))
                return
            }
            items = sequence
        } catch {
            diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: 0))
        }
    }

    /// A mapping's keys and values; unknown keys are errors.
    mutating func fields(of node: YAMLNode, in context: String, allowed: [String]) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let mapping = node.mapping else {
            report(error(at: node, "\(context) must be a mapping of keys to values"))
            return nil
        }
        var fields: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, allowed.contains(key) else {
                let known = allowed.map { "'\($0)'" }.joined(separator: ", ")
                report(error(at: keyNode, "unknown key '\(keyNode.scalar?.string ?? "?")' in \(context); known keys: \(known)"))
                continue
            }
            fields.append((key, keyNode, value))
        }
        return fields
    }

    /// Reports each of `keys` the entry lacks: "a tour step needs a 'title'".
    mutating func require(_ keys: [String], in fields: [(key: String, keyNode: YAMLNode, value: YAMLNode)], of node: YAMLNode, _ context: String) {
        for key in keys where !fields.contains(where: { $0.key == key }) {
            report(error(at: node, "\(context) needs a '\(key)'"))
        }
    }

    /// A wrong value in this file (its `code`).
    func error(at node: YAMLNode, _ message: String) -> Diagnostic {
        .error(code, at: location(of: node), message)
    }

    func error(at node: YAMLNode, _ code: DiagnosticCode, _ message: String) -> Diagnostic {
        .error(code, at: location(of: node), message)
    }

    func warning(at node: YAMLNode, _ code: DiagnosticCode, _ message: String) -> Diagnostic {
        .warning(code, at: location(of: node), message)
    }

    /// Where the writer typed `node` in the file.
    func location(of node: YAMLNode) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path, line: lineOffset + 1) }
        return SourceLocation(path, line: mark.line + lineOffset, column: mark.column)
    }

    // MARK: Typed values; each returns nil and records an error when the value has the wrong shape.

    mutating func string(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar, !Self.isNull(node) else {
            diagnostics.append(error(at: node, "'\(key)' must be text"))
            return nil
        }
        return scalar.string
    }

    mutating func nonEmptyString(_ node: YAMLNode, key: String) -> String? {
        guard let value = string(node, key: key) else { return nil }
        let trimmed = String(value.trimmingSpaces())
        if trimmed.isEmpty {
            diagnostics.append(error(at: node, "'\(key)' must not be empty"))
            return nil
        }
        return trimmed
    }

    /// Text that may be left empty (as `tebiki new` leaves a description): empty means absent.
    mutating func optionalString(_ node: YAMLNode, key: String) -> String? {
        if Self.isNull(node) { return nil }
        guard let value = string(node, key: key) else { return nil }
        let trimmed = String(value.trimmingSpaces())
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        diagnostics.append(error(at: node, "'\(key)' must be true or false"))
        return nil
    }

    mutating func int(_ node: YAMLNode, key: String) -> Int? {
        if let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) {
            return value
        }
        diagnostics.append(error(at: node, "'\(key)' must be a whole number"))
        return nil
    }

    mutating func date(_ node: YAMLNode, key: String) -> Date? {
        if let scalar = node.scalar, let date = YAMLDate.parse(scalar.string) { return date }
        diagnostics.append(error(at: node, "'\(key)' must be a date such as 2026-04-01 or 2026-04-01T09:30:00+09:00"))
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one, as Hugo does.
    mutating func strings(_ node: YAMLNode, key: String) -> [(value: String, node: YAMLNode)]? {
        if Self.isNull(node) { return [] }
        if let scalar = node.scalar {
            return [(scalar.string, node)]
        }
        guard let sequence = node.sequence else {
            diagnostics.append(error(at: node, "'\(key)' must be a list"))
            return nil
        }
        var values: [(value: String, node: YAMLNode)] = []
        values.reserveCapacity(sequence.count)
        for item in sequence {
            guard let scalar = item.scalar, !Self.isNull(item) else {
                diagnostics.append(error(at: item, "each entry of '\(key)' must be text"))
                continue
            }
            values.append((scalar.string, item))
        }
        return values
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

private extension YAMLDocument {
    /// YAML's null: an empty, `~` or `null` plain scalar.
    static func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    static func diagnostic(for error: Error, path: String, lineOffset: Int) -> Diagnostic {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(.invalidYAML, path, line: mark.line + lineOffset, column: mark.column, "invalid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(.invalidYAML, path, line: context.mark.line + lineOffset, column: context.mark.column,
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return .error(.invalidYAML, path, line: lineOffset + 1, column: 1, "invalid YAML: \(error)")
        }
    }
}
