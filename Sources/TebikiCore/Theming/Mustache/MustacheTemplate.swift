/// A Mustache template compiled once into a tree of nodes: names split at their dots, text
/// runs whole, standalone lines already removed; and from the tree into the flat program pages
/// are filled from (`MustacheProgram`), with a stack of values. Implements the specification's required modules (interpolation, sections,
/// inverted sections, partials, comments, set delimiters) and inheritance (`{{<parent}}`,
/// `{{$block}}`); lambdas are not supported (values are data, never code).
public struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        /// As UTF-8, the way pages are filled: copied whole, where appending a String's view
        /// went through a few hundred instructions of generic code each time.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`; `path` is empty for `{{.}}`.
        case value(path: [MustacheKey], escaped: Bool, at: Position)
        case section(path: [MustacheKey], inverted: Bool, nodes: [Node], at: Position)
        /// `indent`: the whitespace before a standalone partial tag, put before each of its lines.
        case partial(name: String, indent: String)
        /// `{{<name}}…{{/name}}`: the partial `name`, with the blocks given here filled in.
        case parent(name: String, indent: String, blocks: [String: Block])
        /// `{{$name}}…{{/name}}`: what a parent's caller gives, else the default here.
        case block(name: String, standalone: Bool, indent: String, nodes: [Node])
    }

    /// Where a tag starts, for the check of the names a page template uses.
    struct Position: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Block: Sendable {
        var nodes: [Node]
        /// The same as steps, filled where a parent's block is replaced.
        let program: MustacheProgram

        init(nodes: [Node]) {
            self.nodes = nodes
            program = MustacheProgram(nodes)
        }
    }

    /// A problem in a template, at its line and column (from 1).
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    let nodes: [Node]
    /// The same as the steps pages are filled by.
    let program: MustacheProgram
    /// The partials and parents it names, where it names them, for a check that they exist.
    let references: [(name: String, line: Int, column: Int)]

    public init(_ text: String) throws(Problem) {
        var parser = MustacheParser(text)
        nodes = try parser.parse()
        program = MustacheProgram(nodes)
        references = parser.references
    }
}
