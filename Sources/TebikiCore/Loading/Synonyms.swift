/// `Articles/_synonyms.yml`: groups of words a reader may search with for the same thing, e.g.
/// `- [ログイン, サインイン, sign in]`. A query with one of them also finds the others.
enum Synonyms {
    static let fileName = "_synonyms.yml"

    static func parse(_ text: String, path: String) -> ([[String]], [Diagnostic]) {
        var yaml = YAMLDocument(sequenceText: text, path: path,
                                expected: "a list of synonym groups, e.g. - [ログイン, サインイン, sign in]", code: .synonymsInvalid)
        var groups: [[String]] = []
        for group in yaml.items {
            let words = group.sequence?.compactMap { $0.scalar.map { String($0.string.trimmingSpaces()) } } ?? []
            guard words.count >= 2, words.count == group.sequence?.count, !words.contains(where: \.isEmpty) else {
                yaml.report(yaml.error(at: group, "each synonym group is a list of two or more words"))
                continue
            }
            groups.append(words)
        }
        return (groups, yaml.diagnostics)
    }
}
