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
        for (name, isFolder) in sortedListing(articlesURL) where !name.hasPrefix(".") {
            let url = articlesURL.appendingPathComponent(name)
            if isFolder && LoadedSite.reservedFolders.contains(name) {
                diagnostics.append(.error("\(LoadedSite.articlesFolder)/\(name)",
                                          "the folder name '\(name)' is taken by the site's own files (\(name)/ in the output); rename the folder"))
            } else if isFolder {
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

        site.synonyms = readOptional(Synonyms.fileName, in: articlesURL, parse: Synonyms.parse, diagnostics: &diagnostics) ?? []
        site.glossary = readOptional(GlossaryEntry.fileName, in: articlesURL, parse: GlossaryEntry.parse, diagnostics: &diagnostics) ?? []
        let gitLog = GitDates.start(articlesFolder: articlesURL)
        var loaded = parallelMap(articleFiles) { file in
            loadArticle(articlesURL: articlesURL, categoryID: file.categoryID, relative: file.relative)
        }
        let dates = gitLog.dates()
        if !dates.isEmpty {
            for index in loaded.indices where loaded[index].0?.frontMatter.lastmod == nil {
                let relative = articleFiles[index].relative.nfc
                if let date = dates[relative] { loaded[index].0?.lastModified = date }
            }
        }
        for (article, problems) in loaded {
            diagnostics += problems
            guard let article, options.includeDrafts || !article.frontMatter.draft else { continue }
            site.articles.append(article)
        }
        site.categories.sort(by: Category.homeOrder)
        let categoryRank = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.id, $0) })
        let ranked = site.articles.map { (rank: categoryRank[$0.categoryID] ?? 0, article: $0) }
        site.articles = ranked.sorted { a, b in
            a.rank != b.rank ? a.rank < b.rank : ArticleSource.readingOrder(a.article, b.article)
        }.map(\.article)
        diagnostics += duplicateSlugs(in: site.articles)
        let ids = Set(site.articles.map(\.id))
        for entry in site.glossary {
            if let article = entry.article, !ids.contains(article.value) {
                diagnostics.append(.error("\(LoadedSite.articlesFolder)/\(GlossaryEntry.fileName)", line: article.line, column: article.column,
                                          "glossary article '\(article.value)' not found: name it by its path under Articles/ without .md"))
            }
        }
        return (site, diagnostics)
    }
}

extension Category {
    static func homeOrder(_ a: Category, _ b: Category) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.title != b.title ? precedes(a.title, b.title) : precedes(a.id, b.id)
        }
    }
}

/// Code point order: deterministic, and far cheaper than String's Unicode-aware `<` when
/// sorting 10,000 Japanese titles.
func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

extension ArticleSource {
    /// Hugo's rule: articles with a weight first, lightest first; then by title.
    static func readingOrder(_ a: ArticleSource, _ b: ArticleSource) -> Bool {
        switch (a.frontMatter.weight, b.frontMatter.weight) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.title != b.title ? precedes(a.title, b.title) : precedes(a.id, b.id)
        }
    }
}

extension SiteLoader {
    /// Reads one article; its last-modified date is front matter `lastmod`, else the file's
    /// modification time until the git dates arrive.
    static func loadArticle(articlesURL: URL, categoryID: String, relative: String) -> (ArticleSource?, [Diagnostic]) {
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
        let modified = frontMatter.lastmod ?? file.modified
        let article = ArticleSource(id: id, path: path, categoryID: categoryID.nfc,
                                    frontMatter: frontMatter, markdown: String(split.body),
                                    bodyLineOffset: split.bodyLineOffset, lastModified: modified)
        return (diagnostics.hasErrors ? nil : article, diagnostics)
    }
}

private extension SiteLoader {
    /// An optional file of `Articles/` (`_synonyms.yml`, `_glossary.yml`), read and parsed; nil
    /// when it is not there.
    static func readOptional<Value>(_ name: String, in articlesURL: URL, parse: (String, String) -> (Value, [Diagnostic]),
                                    diagnostics: inout [Diagnostic]) -> Value? {
        let path = "\(LoadedSite.articlesFolder)/\(name)"
        guard let data = FileManager.default.contents(atPath: articlesURL.appendingPathComponent(name).path) else { return nil }
        switch TextFile.decode(data, path: path) {
        case .success(let text):
            let (value, problems) = parse(text, path)
            diagnostics += problems
            return value
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
    }

    /// Only `tebiki.yml` (its problems left to `check` and `build`), for commands that need the
    /// site's settings but not its articles.
    public static func config(root: URL) -> SiteConfig {
        var ignored: [Diagnostic] = []
        return loadConfig(root: root, options: .init(), diagnostics: &ignored)
    }

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
        for (item, isFolder) in sortedListing(url) where !item.hasPrefix(".") {
            let itemURL = url.appendingPathComponent(item)
            let relative = "\(name)/\(item)"
            if isFolder {
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

/// A folder's entries, sorted because directory order differs between runs and machines.
/// Read with readdir, whose entry types save a stat per file at 10,000 articles.
func sortedListing(_ url: URL) -> [(name: String, isDirectory: Bool)] {
    guard let directory = opendir(url.path) else { return [] }
    defer { closedir(directory) }
    var entries: [(String, Bool)] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let type = entry.pointee.d_type
        let isFolder = type == DT_UNKNOWN || type == DT_LNK ? isDirectory(url.appendingPathComponent(name)) : type == DT_DIR
        entries.append((name, isFolder))
    }
    return entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
}

func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
}

func recursiveFiles(_ url: URL, relative: String) -> [String] {
    sortedListing(url).filter { !$0.name.hasPrefix(".") }.flatMap { entry -> [String] in
        let path = "\(relative)/\(entry.name)"
        return entry.isDirectory ? recursiveFiles(url.appendingPathComponent(entry.name), relative: path) : [path]
    }
}
