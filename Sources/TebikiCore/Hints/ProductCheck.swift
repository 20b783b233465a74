import Foundation

/// `tebiki check --product <folder>`: every tour step's and hint's product selector against the
/// saved screens its `url` covers (`product.screens` in `tebiki.yml`). A selector passes when it
/// matches exactly one element in at least one saved file of each screen; the files of a screen
/// are its states (`portal.html`, `portal.menu-open.html`), for elements the product's own script
/// makes. Nothing is fetched: the screens are files.
public enum ProductCheck {
    public static func check(_ articles: [ParsedArticle], screens: [SiteConfig.ProductScreen], folder: URL) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var trees: [String: HTMLTree] = [:]
        for screen in screens {
            for file in screen.files where trees[file] == nil {
                let url = folder.appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(.productTarget, at: screen.location, "cannot read the saved screen '\(file)' in \(folder.path)"))
                    continue
                }
                trees[file] = HTMLTree(text)
            }
        }
        for index in articles.indices where !articles[index].guidance.isEmpty {
            let guidance = articles[index].guidance
            let targets = guidance.steps.compactMap(\.product) + guidance.hints.compactMap(\.product)
            for target in targets {
                diagnostics += problems(of: target, screens: screens, trees: trees)
            }
        }
        return diagnostics
    }

    /// `*` stands for any run of characters, as in the widget (`globMatches` in guide.js), parts
    /// found left to right without backtracking.
    static func covers(_ pattern: String, _ subject: String) -> Bool {
        let parts = pattern.components(separatedBy: "*")
        guard parts.count > 1 else { return pattern == subject }
        let first = parts[0], last = parts[parts.count - 1]
        guard subject.count >= first.count + last.count, subject.hasPrefix(first), subject.hasSuffix(last) else { return false }
        var rest = subject.dropFirst(first.count).dropLast(last.count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

private extension ProductCheck {
    static func problems(of target: Guidance.ProductTarget, screens: [SiteConfig.ProductScreen], trees: [String: HTMLTree]) -> [Diagnostic] {
        let at = target.selectorLocation
        guard let selector = try? CSSSelector(target.selector) else { return [] }  // already an error from the build
        guard selector.isCheckable else {
            return [.warning(.productUnchecked, at: at, "'\(target.selector)' uses a pseudo-class a saved page cannot answer; it is not checked")]
        }
        let covered = screens.filter { covers(target.url, $0.url) }
        guard !covered.isEmpty else {
            return [.warning(.productUnchecked, at: at, "no saved screen in product.screens has a url that '\(target.url)' covers; '\(target.selector)' is not checked")]
        }
        var diagnostics: [Diagnostic] = []
        for screen in covered {
            let counts = screen.files.compactMap { file in trees[file].map { (file, selector.matches(in: $0).count) } }
            guard !counts.isEmpty, !counts.contains(where: { $0.1 == 1 }) else { continue }
            let found = counts.map { "\($0.0): \($0.1 == 0 ? "none" : "\($0.1) elements")" }.joined(separator: ", ")
            let what = counts.allSatisfy { $0.1 == 0 } ? "matches nothing" : "does not match exactly one element"
            diagnostics.append(.error(.productTarget, at: at, "'\(target.selector)' \(what) on the screen \(screen.url) (\(found))"))
        }
        return diagnostics
    }
}
