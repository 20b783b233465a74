import Foundation
import Yams

/// A YAML mapping read from a writer's file, with every problem reported at the line and column
/// the writer typed it. `lineOffset` is how many lines of the file come before the YAML text
/// (1 for front matter, after the opening `---`).
struct YAMLDocument {
    let path: String
    let lineOffset: Int
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text`; an empty document is an empty mapping.
    init(text: String, path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            diagnostics.append(error(at: root, "expected a mapping of keys to values"))
            return
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(error(at: keyNode, "expected a plain key"))
                continue
            }
            pairs.append((key, keyNode, value))
        }
    }

    func error(at node: Node, _ message: String) -> Diagnostic {
        let (line, column) = position(of: node)
        return .error(path, line: line, column: column, message)
    }

    func warning(at node: Node, _ message: String) -> Diagnostic {
        let (line, column) = position(of: node)
        return .warning(path, line: line, column: column, message)
    }

    func position(of node: Node) -> (line: Int, column: Int) {
        guard let mark = node.mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    // MARK: Typed values; each returns nil and records an error when the value has the wrong shape.

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar, node.null == nil else {
            diagnostics.append(error(at: node, "'\(key)' must be text"))
            return nil
        }
        return scalar.string
    }

    mutating func nonEmptyString(_ node: Node, key: String) -> String? {
        guard let value = string(node, key: key) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            diagnostics.append(error(at: node, "'\(key)' must not be empty"))
            return nil
        }
        return trimmed
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool, node.scalar != nil else {
            diagnostics.append(error(at: node, "'\(key)' must be true or false"))
            return nil
        }
        return value
    }

    mutating func int(_ node: Node, key: String) -> Int? {
        guard let value = node.int, node.scalar != nil else {
            diagnostics.append(error(at: node, "'\(key)' must be a whole number"))
            return nil
        }
        return value
    }

    mutating func date(_ node: Node, key: String) -> Date? {
        if let date = node.timestamp { return date }
        diagnostics.append(error(at: node, "'\(key)' must be a date such as 2026-04-01 or 2026-04-01T09:30:00+09:00"))
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one, as Hugo does.
    mutating func strings(_ node: Node, key: String) -> [(value: String, node: Node)]? {
        if node.null != nil { return [] }
        if let scalar = node.scalar {
            return [(scalar.string, node)]
        }
        guard let sequence = node.sequence else {
            diagnostics.append(error(at: node, "'\(key)' must be a list"))
            return nil
        }
        var values: [(String, Node)] = []
        for item in sequence {
            guard let scalar = item.scalar, item.null == nil else {
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
    static func diagnostic(for error: Error, path: String, lineOffset: Int) -> Diagnostic {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(path, line: mark.line + lineOffset, column: mark.column, "invalid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(path, line: context.mark.line + lineOffset, column: context.mark.column,
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return .error(path, line: lineOffset + 1, column: 1, "invalid YAML: \(error)")
        }
    }
}
