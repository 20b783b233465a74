import Foundation

/// Old addresses of articles (front matter `aliases`, as in Hugo) that get a page sending
/// readers and search engines to the new one.
enum AliasPages {
    /// Each alias as a site-relative folder (`old/path/`) with the position of the article it leads to.
    static func pages(_ articles: [ArticleSource]) -> [(article: Int, folder: String)] {
        articles.indices.flatMap { index in
            articles[index].frontMatter.aliases.compactMap { alias in folder(alias.value).map { (index, $0) } }
        }
    }

    static func check(_ articles: [ArticleSource], assets: Set<String>) -> [Diagnostic] {
        var taken = Set(articles.map(\.urlPath))
        taken.formUnion(articles.map { $0.categoryID + "/" })
        taken.formUnion(articles.compactMap { $0.sectionID.map { $0 + "/" } })
        // A file in the output where the alias would need a folder.
        let files = Set(assets.map { $0 + "/" }).union(SiteLayout.rootFiles.map { $0 + "/" })
        var diagnostics: [Diagnostic] = []
        for index in articles.indices {
            for alias in articles[index].frontMatter.aliases {
                guard let path = folder(alias.value) else {
                    diagnostics.append(.error(.aliasInvalid, at: alias.location,
                                              "alias '\(alias.value)' must be a path in the site such as /old/page/"))
                    continue
                }
                if let top = path.split(separator: "/").first, SiteLayout.reservedFolders.contains(String(top)) {
                    diagnostics.append(.error(.reservedName, at: alias.location,
                                              "alias '\(alias.value)' is inside \(top)/, which holds the site's own files"))
                } else if files.contains(path) {
                    diagnostics.append(.error(.aliasCollision, at: alias.location,
                                              "alias '\(alias.value)' is the address of a file the site publishes"))
                } else if !taken.insert(path).inserted {
                    diagnostics.append(.error(.aliasCollision, at: alias.location,
                                              "alias '\(alias.value)' is already the address of another page"))
                }
            }
        }
        return diagnostics
    }
}

private extension AliasPages {
    /// `/old/page`, `old/page/` and `old/page/index.html` all become `old/page/`.
    static func folder(_ alias: String) -> String? {
        // An old address may be written percent-encoded, as a browser shows it; decoded first so
        // `%2e%2e` is seen for what it is.
        var parts = (alias.removingPercentEncoding ?? alias).split(separator: "/").map(String.init)
        if parts.last?.hasSuffix(".html") == true { parts.removeLast() }
        guard !parts.isEmpty, !parts.contains(where: { URLSegment.problem($0) != nil || $0.contains(":") }) else { return nil }
        return parts.joined(separator: "/") + "/"
    }
}
