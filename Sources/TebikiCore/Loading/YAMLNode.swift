import Yams

/// A YAML value as Tebiki's parsers read it: text, a mapping or a list, each with where it
/// starts. Tebiki's own type rather than Yams' `Node`, so that front matter in the usual simple
/// shape can be read without libyaml (`YAMLFastPath`) and still say where each value was typed.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], Mark?)
    case sequence([YAMLNode], Mark?)

    struct Scalar: Sendable, Equatable {
        var string: String
        var style: Style
        var mark: Mark?
    }

    /// How a text was written; only plain text can be null, true or a number.
    enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// Line and column from 1; columns count Unicode scalars, as libyaml does.
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }

    /// `text` as Yams reads it, or nil for an empty document. The basic resolver leaves every
    /// scalar a string: Tebiki reads types itself, which is far faster than Yams' regular-expression
    /// resolving and skips YAML 1.1's `no` = false.
    static func composed(_ text: String) throws -> YAMLNode? {
        try Yams.compose(yaml: text, .basic, .default, .utf8).map(YAMLNode.init)
    }

    /// What Yams composed, aliases already resolved.
    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, style: Style(scalar.style), mark: mark))
        case .mapping(let mapping):
            self = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark)
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), mark)
        case .alias(let alias):  // compose resolves aliases: not reached
            self = .scalar(Scalar(string: "", style: .plain, mark: alias.mark.map { Mark(line: $0.line, column: $0.column) }))
        }
    }
}

extension YAMLNode: Equatable {
    static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): x == y
        case let (.mapping(x, xMark), .mapping(y, yMark)):
            xMark == yMark && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.sequence(x, xMark), .sequence(y, yMark)): xMark == yMark && x == y
        default: false
        }
    }
}

private extension YAMLNode.Style {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        default: self = .plain
        }
    }
}
