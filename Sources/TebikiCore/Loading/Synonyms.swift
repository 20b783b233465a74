import Yams

/// `Articles/_synonyms.yml`: groups of words a reader may search with for the same thing, e.g.
/// `- [ログイン, サインイン, sign in]`. A query with one of them also finds the others.
enum Synonyms {
    static let fileName = "_synonyms.yml"

    static func parse(_ text: String, path: String) -> ([[String]], [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            // YAMLDocument words the error; it expects a mapping, so reuse only its report.
            return ([], YAMLDocument(text: text, path: path, lineOffset: 0).diagnostics)
        }
        guard let root else { return ([], []) }
        guard let groups = root.sequence else {
            return ([], [error(path, root, "expected a list of synonym groups, e.g. - [ログイン, サインイン, sign in]")])
        }
        var result: [[String]] = []
        var diagnostics: [Diagnostic] = []
        for group in groups {
            guard let words = group.sequence, words.count >= 2,
                  words.allSatisfy({ $0.scalar.map { !$0.string.trimmingSpaces().isEmpty } ?? false })
            else {
                diagnostics.append(error(path, group, "each synonym group is a list of two or more words"))
                continue
            }
            result.append(words.compactMap { $0.scalar.map { String($0.string.trimmingSpaces()) } })
        }
        return (result, diagnostics)
    }

    private static func error(_ path: String, _ node: Node, _ message: String) -> Diagnostic {
        .error(path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message)
    }
}
