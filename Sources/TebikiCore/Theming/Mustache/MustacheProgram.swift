/// A template's nodes as one flat list of steps over shared pools, the way pages are filled:
/// text runs are ranges of one byte pool and names ranges of one key pool, read in place. Walked
/// as a tree, every node and its payload (text, name, inner nodes) was retained and released
/// each time it was read, about 340 times a page. Partials and parents are steps that name their
/// node; a block's default is steps, and what replaces it is a program of its own
/// (`MustacheTemplate.Block`).
/// A class: a partial's program is fetched for every page, and a struct's four arrays were
/// retained each time.
final class MustacheProgram: Sendable {
    struct Step: Sendable {
        enum Kind: UInt8, Sendable { case text, value, section, block, node }

        var kind: Kind
        /// For a value, escaped; for a section, inverted.
        var flag = false
        /// Text: the range of `bytes`; value and section: the range of `keys`; block and node: its
        /// index in `nodes`.
        var start: Int32
        var count: Int32
        /// For a section or a block, the index of the step after the last of its inside (for a
        /// block, its default).
        var end: Int32 = 0
    }

    let steps: [Step]
    let bytes: [UInt8]
    let keys: [MustacheKey]
    let nodes: [MustacheTemplate.Node]

    init(_ tree: [MustacheTemplate.Node]) {
        var builder = Builder()
        builder.add(tree)
        (steps, bytes, keys, nodes) = (builder.steps, builder.bytes, builder.keys, builder.nodes)
    }
}

private extension MustacheProgram {
    /// The pools as the tree is read into them.
    struct Builder {
        var steps: [Step] = []
        var bytes: [UInt8] = []
        var keys: [MustacheKey] = []
        var nodes: [MustacheTemplate.Node] = []

        mutating func add(_ tree: [MustacheTemplate.Node]) {
            for node in tree {
                switch node {
                case .text(let text):
                    steps.append(Step(kind: .text, start: Int32(bytes.count), count: Int32(text.count)))
                    bytes += text
                case .value(let path, let escaped, _):
                    steps.append(Step(kind: .value, flag: escaped, start: Int32(keys.count), count: Int32(path.count)))
                    keys += path
                case .section(let path, let inverted, let inner, _):
                    let at = steps.count
                    steps.append(Step(kind: .section, flag: inverted, start: Int32(keys.count), count: Int32(path.count)))
                    keys += path
                    add(inner)
                    steps[at].end = Int32(steps.count)
                case .block(_, _, _, let inner):
                    let at = steps.count
                    steps.append(Step(kind: .block, start: Int32(nodes.count), count: 1))
                    nodes.append(node)
                    add(inner)
                    steps[at].end = Int32(steps.count)
                case .partial, .parent:
                    steps.append(Step(kind: .node, start: Int32(nodes.count), count: 1))
                    nodes.append(node)
                }
            }
        }
    }
}
