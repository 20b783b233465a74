import Foundation

/// A theme's `strings/<code>.yml`: the theme's words for a language Tebiki has none built in
/// for (`zh`), or changes to the built-in Japanese and English ones.
extension ThemeStrings {
    static let wordsFolder = "strings"

    /// The words of `language` in the theme's files (paths under the theme, with where they are
    /// read from); nil when there is no file. A language without built-in words is warned about
    /// once when it has no file, and once per key its file leaves out.
    static func words(for language: String, files: [String: (url: URL, display: String)], theme: String) -> ([String: String]?, [Diagnostic]) {
        let builtIn = ["ja", "en"].contains(base(of: language))
        guard let file = files["\(wordsFolder)/\(language).yml"] else {
            if builtIn { return (nil, []) }
            return (nil, [.about(.warning, .themeWordMissing, "\(SiteLayout.themesFolder)/\(theme)/\(wordsFolder)/\(language).yml",
                                 "the theme has no words for '\(language)': its pages show the English ones; add \(wordsFolder)/\(language).yml to the theme (keys as in the README)")])
        }
        let text: String
        switch TextFile.read(file.url.path, displayPath: file.display) {
        case .success(let read): text = read.text
        case .failure(let problem): return (nil, [problem])
        }
        var yaml = YAMLDocument(text: text, path: file.display, lineOffset: 0, code: .themeWordMissing)
        var words: [String: String] = [:]
        let known = Set(keys)
        for (key, keyNode, value) in yaml.pairs {
            guard known.contains(key) else {
                yaml.report(yaml.error(at: keyNode, "unknown word '\(key)': the theme's words are \(keys.joined(separator: ", "))"))
                continue
            }
            if let word = yaml.nonEmptyString(value, key: key) { words[key] = word }
        }
        var diagnostics = yaml.diagnostics.map { problem in
            var warning = problem
            warning.severity = .warning
            return warning
        }
        if !builtIn {
            for key in keys where words[key] == nil {
                diagnostics.append(.about(.warning, .themeWordMissing, file.display, "no word for '\(key)' in '\(language)': the English one is shown"))
            }
        }
        return (words, diagnostics)
    }
}
