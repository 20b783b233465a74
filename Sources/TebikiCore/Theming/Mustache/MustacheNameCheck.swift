/// Finds the names a template uses that no value can define, given the fields of the value it
/// is filled with: names are looked up as rendering would (innermost section first, dotted
/// names inside the value found), through partials, parents and their blocks. A section's
/// content is checked whether or not a page would show it, so a misspelled name inside
/// `{{#related}}` is found on a site whose articles have no related ones yet.
struct MustacheNameCheck {
    /// A name no value defines, in the template whose text holds it.
    struct Undefined: Sendable, Equatable {
        var template: String
        var name: String
        var line: Int
        var column: Int
    }

    /// The templates by name, parsed as written.
    let templates: [String: MustacheTemplate]

    func undefined(in template: String, fields: MustacheFields) -> [Undefined] {
        guard let nodes = templates[template]?.nodes else { return [] }
        var walk = Walk(templates: templates)
        var stack = [fields]
        walk.check(nodes, in: template, &stack, blocks: [:], including: [template])
        return walk.found
    }
}

private extension MustacheNameCheck {
    typealias Node = MustacheTemplate.Node

    struct Walk {
        let templates: [String: MustacheTemplate]
        var found: [Undefined] = []

        /// `blocks`: a parent's blocks as its callers give them, with the template each is written in.
        mutating func check(_ nodes: [Node], in template: String, _ stack: inout [MustacheFields],
                            blocks: [String: (nodes: [Node], template: String)], including: Set<String>) {
            for node in nodes {
                switch node {
                case .text: break
                case .value(let path, _, let at):
                    _ = resolve(path, stack, in: template, at: at)
                case .section(let path, let inverted, let inner, let at):
                    let fields = resolve(path, stack, in: template, at: at)
                    // An inverted section shows when the value is missing or empty: nothing to look inside.
                    stack.append(inverted ? MustacheFields() : fields ?? MustacheFields())
                    check(inner, in: template, &stack, blocks: blocks, including: including)
                    stack.removeLast()
                case .partial(let name, _):
                    // A partial that includes itself is checked once.
                    guard !including.contains(name), let partial = templates[name] else { continue }
                    check(partial.nodes, in: name, &stack, blocks: blocks, including: including.union([name]))
                case .parent(let name, _, let given):
                    guard !including.contains(name), let parent = templates[name] else { continue }
                    let merged = blocks.merging(given.mapValues { ($0.nodes, template) }) { outer, _ in outer }
                    check(parent.nodes, in: name, &stack, blocks: merged, including: including.union([name]))
                case .block(let name, _, _, let inner):
                    if let given = blocks[name] {
                        check(given.nodes, in: given.template, &stack, blocks: blocks, including: including)
                    } else {
                        check(inner, in: template, &stack, blocks: blocks, including: including)
                    }
                }
            }
        }

        /// The fields of the value a name finds, nil (and the name recorded) when none defines it.
        mutating func resolve(_ path: [MustacheKey], _ stack: [MustacheFields], in template: String,
                              at position: MustacheTemplate.Position) -> MustacheFields? {
            guard let first = path.first else { return stack.last }
            guard var fields = stack.reversed().lazy.compactMap({ $0.names[first.name] }).first else {
                record(path, in: template, at: position)
                return nil
            }
            for part in path.dropFirst() {
                guard let inner = fields.names[part.name] else {
                    record(path, in: template, at: position)
                    return nil
                }
                fields = inner
            }
            return fields
        }

        mutating func record(_ path: [MustacheKey], in template: String, at position: MustacheTemplate.Position) {
            let undefined = Undefined(template: template, name: path.map(\.name).joined(separator: "."), line: position.line, column: position.column)
            if !found.contains(undefined) { found.append(undefined) }
        }
    }
}
