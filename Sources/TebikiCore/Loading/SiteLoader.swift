import Foundation

/// Stage 1: reads `tebiki.yml`, the categories and every article's front matter.
public enum SiteLoader {
    public struct Options: Sendable {
        public var includeDrafts = false
        public var baseURL: String?
        public init(includeDrafts: Bool = false, baseURL: String? = nil) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
        }
    }

    public static func load(root: URL, options: Options = .init()) -> (LoadedSite, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(root: root, options: options, diagnostics: &diagnostics)
        let articlesURL = root.appendingPathComponent(LoadedSite.articlesFolder)
        var site = LoadedSite(root: root, config: config, categories: [], articles: [], assets: [])

        guard isDirectory(articlesURL) else {
            diagnostics.append(.error(LoadedSite.articlesFolder, "no Articles/ folder: write articles as Articles/<category>/<slug>.md"))
            return (site, diagnostics)
        }

        var articleFiles: [(categoryID: String, relative: String)] = []
        for name in sortedListing(articlesURL) where !name.hasPrefix(".") {
            let url = articlesURL.appendingPathComponent(name)
            if isDirectory(url) {
                let folder = scanCategoryFolder(url, name: name, diagnostics: &diagnostics)
                site.assets.formUnion(folder.assets)
                if folder.markdown.isEmpty && folder.categoryFile == nil { continue }  // e.g. Articles/images/
                let (category, problems) = loadCategory(id: name, file: folder.categoryFile)
                diagnostics += problems
                site.categories.append(category)
                articleFiles += folder.markdown.map { (name, $0) }
            } else if name.hasSuffix(".md") {
                diagnostics.append(.error("\(LoadedSite.articlesFolder)/\(name)",
                                          "articles belong in a category folder, e.g. Articles/<category>/\(name)"))
            } else if !name.hasPrefix("_") {
                site.assets.insert(name)
            }
        }

        let dates = GitDates.lastCommitDates(articlesFolder: articlesURL)
        let loaded = parallelMap(articleFiles) { file in
            loadArticle(articlesURL: articlesURL, categoryID: file.categoryID, relative: file.relative, gitDates: dates)
        }
        for (article, problems) in loaded {
            diagnostics += problems
            guard let article, options.includeDrafts || !article.frontMatter.draft else { continue }
            site.articles.append(article)
        }
        site.categories.sort(by: Category.homeOrder)
        let categoryRank = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.id, $0) })
        site.articles.sort { a, b in
            let (ca, cb) = (categoryRank[a.categoryID] ?? 0, categoryRank[b.categoryID] ?? 0)
            return ca != cb ? ca < cb : ArticleSource.readingOrder(a, b)
        }
        diagnostics += duplicateSlugs(in: site.articles)
        return (site, diagnostics)
    }
}

extension Category {
    static func homeOrder(_ a: Category, _ b: Category) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.title, a.id) < (b.title, b.id)
        }
    }
}

extension ArticleSource {
    /// Hugo's rule: articles with a weight first, lightest first; then by title.
    static func readingOrder(_ a: ArticleSource, _ b: ArticleSource) -> Bool {
        switch (a.frontMatter.weight, b.frontMatter.weight) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.title, a.id) < (b.title, b.id)
        }
    }
}

private extension SiteLoader {
    static func loadConfig(root: URL, options: Options, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        let url = root.appendingPathComponent(SiteConfig.fileName)
        if let data = FileManager.default.contents(atPath: url.path) {
            switch TextFile.decode(data, path: SiteConfig.fileName) {
            case .success(let text):
                let (parsed, problems) = SiteConfig.parse(text, path: SiteConfig.fileName)
                config = parsed
                diagnostics += problems
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        if let baseURL = options.baseURL {
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        return config
    }

    struct CategoryFolder {
        var markdown: [String] = []
        var assets: [String] = []
        var categoryFile: URL?
    }

    static func scanCategoryFolder(_ url: URL, name: String, diagnostics: inout [Diagnostic]) -> CategoryFolder {
        var folder = CategoryFolder()
        for item in sortedListing(url) where !item.hasPrefix(".") {
            let itemURL = url.appendingPathComponent(item)
            let relative = "\(name)/\(item)"
            if isDirectory(itemURL) {
                for nested in recursiveFiles(itemURL, relative: relative) {
                    if nested.hasSuffix(".md") {
                        diagnostics.append(.error("\(LoadedSite.articlesFolder)/\(nested)",
                                                  "articles go one folder deep: Articles/<category>/<slug>.md"))
                    } else {
                        folder.assets.append(nested)
                    }
                }
            } else if item == Category.fileName {
                folder.categoryFile = itemURL
            } else if item.hasSuffix(".md") {
                folder.markdown.append(relative)
            } else if !item.hasPrefix("_") {
                folder.assets.append(relative)
            }
        }
        return folder
    }

    static func loadCategory(id: String, file: URL?) -> (Category, [Diagnostic]) {
        let path = "\(LoadedSite.articlesFolder)/\(id)/\(Category.fileName)"
        guard let file, let data = FileManager.default.contents(atPath: file.path) else {
            return (Category(id: id, title: id), [])
        }
        switch TextFile.decode(data, path: path) {
        case .success(let text): return Category.parse(text, id: id, path: path)
        case .failure(let problem): return (Category(id: id, title: id), [problem])
        }
    }

    static func loadArticle(articlesURL: URL, categoryID: String, relative: String,
                            gitDates: [String: Date]) -> (ArticleSource?, [Diagnostic]) {
        let path = "\(LoadedSite.articlesFolder)/\(relative)"
        let file: TextFile
        switch TextFile.read(articlesURL.path + "/" + relative, displayPath: path) {
        case .success(let read): file = read
        case .failure(let problem): return (nil, [problem])
        }
        let text = file.text
        let split = FrontMatterSplit(text)
        guard let yaml = split.yaml else {
            return (nil, [.error(path, "missing front matter: start the file with a '---' line, a 'title:' line and a closing '---' line")])
        }
        if split.isUnterminated {
            return (nil, [.error(path, "front matter is not closed: add a '---' line after it")])
        }
        let (frontMatter, diagnostics) = FrontMatter.parse(yaml, path: path)
        let id = String(relative.dropLast(3)).nfc
        let modified = frontMatter.lastmod ?? gitDates[relative] ?? file.modified
        let article = ArticleSource(id: id, path: path, categoryID: categoryID.nfc,
                                    frontMatter: frontMatter, markdown: String(split.body),
                                    bodyLineOffset: split.bodyLineOffset, lastModified: modified)
        return (diagnostics.hasErrors ? nil : article, diagnostics)
    }

    static func duplicateSlugs(in articles: [ArticleSource]) -> [Diagnostic] {
        var seen: [String: ArticleSource] = [:]
        var diagnostics: [Diagnostic] = []
        for article in articles {
            if let first = seen[article.urlPath] {
                let slug = article.frontMatter.slug
                diagnostics.append(.error(article.path, line: slug?.line ?? 1, column: slug?.column ?? 1,
                                          "URL \(article.urlPath) is already used by \(first.path); set a different 'slug'"))
            } else {
                seen[article.urlPath] = article
            }
        }
        return diagnostics
    }
}

/// Sorted, because FileManager's order differs between runs and machines.
func sortedListing(_ url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
}

func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
}

func recursiveFiles(_ url: URL, relative: String) -> [String] {
    sortedListing(url).filter { !$0.hasPrefix(".") }.flatMap { name -> [String] in
        let child = url.appendingPathComponent(name)
        return isDirectory(child) ? recursiveFiles(child, relative: "\(relative)/\(name)") : ["\(relative)/\(name)"]
    }
}
