import Foundation

/// Stage 1: reads `tebiki.yml`, the categories and every article's front matter.
public enum SiteLoader {
    public struct Options: Sendable {
        /// Drafts, and articles outside their publishing dates, too (`tebiki serve --drafts`).
        public var includeDrafts = false
        public var baseURL: String?
        /// The moment `publishDate` and `expiryDate` are compared with.
        public var now = Date()
        public init(includeDrafts: Bool = false, baseURL: String? = nil, now: Date = Date()) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.now = now
        }
    }

    public static func load(root: URL, options: Options = .init()) -> (LoadedSite, [Diagnostic]) {
        let (configured, diagnostics) = configured(root: root, options: options)
        return loadContent(configured, options: options, diagnostics: diagnostics)
    }

    /// The same, with `beside` run on another core as soon as the configuration is read, with a
    /// site that has only it, while the articles are read: the theme, which needs nothing else,
    /// held one core for 7 ms between loading and rendering (a twentieth of a 1,000-article build).
    public static func load<Beside: Sendable>(root: URL, options: Options = .init(),
                                              beside: @escaping @Sendable (LoadedSite) -> Beside) -> (LoadedSite, [Diagnostic], Beside) {
        let (configured, diagnostics) = configured(root: root, options: options)
        let (besides, (site, all)) = inParallel({ beside(configured) }) { loadContent(configured, options: options, diagnostics: diagnostics) }
        return (site, all, besides)
    }
}

private extension SiteLoader {
    /// A site with only its configuration, and the configuration's problems.
    static func configured(root: URL, options: Options) -> (LoadedSite, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(root: root, options: options, diagnostics: &diagnostics)
        return (LoadedSite(root: root, config: config, categories: [], articles: [], assets: []), diagnostics)
    }

    /// Everything but the configuration, already in `configured` (and its problems in `diagnostics`).
    static func loadContent(_ configured: LoadedSite, options: Options, diagnostics: [Diagnostic]) -> (LoadedSite, [Diagnostic]) {
        var diagnostics = diagnostics
        var site = configured
        let (root, config) = (site.root, site.config)
        let articlesURL = root.appendingPathComponent(SiteLayout.articlesFolder)

        guard isDirectory(articlesURL) else {
            diagnostics.append(.error(.articlesMissing, SiteLayout.articlesFolder, "no Articles/ folder: write articles as Articles/<category>/<slug>.md"))
            return (site, diagnostics)
        }

        var articleFiles: [ArticleFile] = []
        var walk = FolderWalk()
        _ = walk.enter(articlesURL.path, display: SiteLayout.articlesFolder)
        readTree(articlesURL, languageFolder: nil, articlesURL: articlesURL, config: config, site: &site,
                 articleFiles: &articleFiles, walk: &walk, diagnostics: &diagnostics)
        walk.leave()
        let staticURL = root.appendingPathComponent(SiteLayout.staticFolder)
        if isDirectory(staticURL) {
            site.staticFiles = walk.files(under: staticURL.path, relative: "", display: SiteLayout.staticFolder, includingHidden: true)
        }
        diagnostics += walk.diagnostics

        (site.imageSizes, site.unsafeImages) = readImages(site.assets, in: articlesURL)
        for language in config.languages {
            let folder = language == config.language ? "" : language + "/"
            site.synonyms[language] = readOptional(folder + Synonyms.fileName, in: articlesURL, parse: Synonyms.parse, diagnostics: &diagnostics) ?? []
            var glossary = readOptional(folder + GlossaryEntry.fileName, in: articlesURL, parse: GlossaryEntry.parse, diagnostics: &diagnostics) ?? []
            for index in glossary.indices {
                let (definition, unknown) = config.variables.substitute(glossary[index].definition)
                glossary[index].definition = definition
                for (name, _) in unknown {
                    diagnostics.append(.error(.variableUnknown, at: glossary[index].definitionLocation,
                                              "unknown variable '\(name)' in the definition of '\(glossary[index].term)': define it under 'variables:' in tebiki.yml"))
                }
            }
            site.glossary[language] = glossary
        }
        let gitLog = GitDates.start(articlesFolder: articlesURL)
        // The folder's path made once: a URL's path is worked out again each time it is asked for.
        let articlesFolder = articlesURL.path
        var loaded = parallelMap(articleFiles) { file in
            loadArticle(articlesFolder: articlesFolder, relative: file.relative, languageFolder: file.languageFolder, variables: config.variables)
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
            if !options.includeDrafts, let reason = article.frontMatter.unpublishedReason(at: options.now) {
                site.unpublished[article.id] = reason
                continue
            }
            site.articles.append(article)
        }
        if !config.translationLanguages.isEmpty {
            diagnostics += matchTranslations(&site, written: loaded.compactMap(\.0))
        }
        let languageRank = Dictionary(uniqueKeysWithValues: config.languages.enumerated().map { ($1, $0) })
        let languages = site
        site.categories.sort { a, b in
            let (x, y) = (languageRank[languages.language(ofPath: a.id)] ?? 0, languageRank[languages.language(ofPath: b.id)] ?? 0)
            return x != y ? x < y : Category.homeOrder(a, b)
        }
        let categoryRank = Dictionary(uniqueKeysWithValues: site.categories.enumerated().map { ($1.id, $0) })
        site.sections.sort { a, b in
            a.categoryID != b.categoryID ? categoryRank[a.categoryID, default: 0] < categoryRank[b.categoryID, default: 0]
                : Section.pageOrder(a, b)
        }
        // A category's own articles come before its sections'.
        let sectionRank = Dictionary(uniqueKeysWithValues: site.sections.enumerated().map { ($1.id, $0) })
        // Positions are sorted, not the articles: moving 10,000 whole articles about showed in the profile.
        let all = site.articles
        let ranks = all.map { article in
            (category: categoryRank[article.categoryID] ?? 0, section: article.sectionID.flatMap { sectionRank[$0] } ?? -1)
        }
        site.articles = all.indices.sorted { a, b in
            ranks[a].category != ranks[b].category ? ranks[a].category < ranks[b].category
                : ranks[a].section != ranks[b].section ? ranks[a].section < ranks[b].section : ArticleSource.readingOrder(all[a], all[b])
        }.map { all[$0] }
        // The two checks of names run side by side: each held one core for about 10 ms at 10,000 articles.
        let (ordered, files) = (site, articleFiles.map(\.relative))
        let (names, urls) = inParallel({ nameProblems(ordered, articleFiles: files) }) { duplicateURLs(in: ordered) }
        diagnostics += names + urls
        let ids = Set(site.articles.map(\.id))
        for (language, entries) in site.glossary.sorted(by: { $0.key < $1.key }) {
            let lead = language == config.language ? "" : language + "/"
            for entry in entries {
                // A translation's glossary names articles as the original's does.
                if let article = entry.article, !ids.contains(lead + article.value), !ids.contains(article.value) {
                    diagnostics.append(.error(.glossaryArticleMissing, at: article.location,
                                              "glossary article '\(article.value)' not found: name it by its path under Articles/ without .md"))
                }
            }
        }
        return (site, diagnostics)
    }
}

extension Category {
    static func homeOrder(_ a: Category, _ b: Category) -> Bool {
        precedes((a.order, a.title, a.id), (b.order, b.title, b.id))
    }
}

extension Section {
    static func pageOrder(_ a: Section, _ b: Section) -> Bool {
        precedes((a.order, a.title, a.id), (b.order, b.title, b.id))
    }
}

extension ArticleSource {
    static func readingOrder(_ a: ArticleSource, _ b: ArticleSource) -> Bool {
        precedes((a.frontMatter.weight, a.title, a.id), (b.frontMatter.weight, b.title, b.id))
    }
}

/// Hugo's rule for weights, for categories and articles alike: those with a number first,
/// smallest first; then by title, then by id, in code point order.
func precedes(_ a: (number: Int?, title: String, id: String), _ b: (number: Int?, title: String, id: String)) -> Bool {
    switch (a.number, b.number) {
    case let (x?, y?) where x != y: return x < y
    case (_?, nil): return true
    case (nil, _?): return false
    default:
        // One pass over the titles' bytes: String's `!=` first compared Japanese titles the
        // Unicode-aware way, and sorting 10,000 articles held one core for 20 ms.
        switch codePointOrder(a.title, b.title) {
        case .less: return true
        case .greater: return false
        case .equal: return precedes(a.id, b.id)
        }
    }
}

extension SiteLoader {
    /// What a translation takes from its original (its `weight`, when it gives none), and its
    /// `related:` entries, which name articles as the original's do, turned into the
    /// translations where there are some (`ids`: every article of the site).
    static func settle(_ translation: inout ArticleSource, original: ArticleSource?, ids: Set<String>) -> [Diagnostic] {
        guard let folder = translation.languageFolder else { return [] }
        var diagnostics: [Diagnostic] = []
        if translation.frontMatter.weight == nil { translation.frontMatter.weight = original?.frontMatter.weight }
        translation.frontMatter.related = translation.frontMatter.related.map { reference in
            let translated = folder + "/" + reference.value
            if ids.contains(translated) { return FrontMatter.Reference(value: translated, location: reference.location) }
            if ids.contains(reference.value) {
                diagnostics.append(.warning(.linkOtherLanguage, at: reference.location,
                                            "related article '\(reference.value)' has no '\(folder)' translation yet: the list shows the original"))
            }
            return reference
        }
        return diagnostics
    }

    /// Only `tebiki.yml` (its problems left to `check` and `build`), for commands that need the
    /// site's settings but not its articles.
    public static func config(root: URL) -> SiteConfig {
        var ignored: [Diagnostic] = []
        return loadConfig(root: root, options: .init(), diagnostics: &ignored)
    }

    /// Reads one article; its last-modified date is front matter `lastmod`, else the file's
    /// modification time until the git dates arrive.
    /// A category's `index.md` may have no title: `requiresTitle` is false for it.
    /// `articlesFolder`: the path of `Articles/`.
    static func loadArticle(articlesFolder: String, relative: String, languageFolder: String?,
                            variables: TextVariables, requiresTitle: Bool = true) -> (ArticleSource?, [Diagnostic]) {
        let path = "\(SiteLayout.articlesFolder)/\(relative)"
        let file: TextFile
        switch TextFile.read(articlesFolder + "/" + relative, displayPath: path) {
        case .success(let read): file = read
        case .failure(let problem): return (nil, [problem])
        }
        let text = file.text
        let split = FrontMatterSplit(text)
        if split.isUnterminated {
            return (nil, [.error(.frontMatterUnclosed, path, "front matter is not closed: add a '---' line after it")])
        }
        var (frontMatter, diagnostics): (FrontMatter, [Diagnostic]) = split.yaml.map {
            FrontMatter.parse($0, path: path, titleFromHeading: true)
        } ?? (FrontMatter(), [])
        // A page written for VitePress or Docusaurus has its title as its first `# ` heading,
        // often with no front matter at all. Looked for only when the front matter has no
        // title: the search reads every line of the body.
        let heading = frontMatter.title.isEmpty ? LeadingHeading(split.body) : nil
        guard split.yaml != nil || heading != nil || !requiresTitle else {
            return (nil, [.error(.frontMatterMissing, path, "no title: start the file with front matter ('---', a 'title:' line, '---') or with a '# ' heading")])
        }
        if let yaml = split.yaml, frontMatter.title.isEmpty, heading == nil, requiresTitle {
            // Read again, for the missing title that a heading would have stood in for.
            (frontMatter, diagnostics) = FrontMatter.parse(yaml, path: path, titleFromHeading: false)
        }
        var markdown = String(split.body)
        if frontMatter.title.isEmpty, let heading {
            frontMatter.title = heading.title
            markdown = heading.body
        }
        diagnostics += substitute(variables, in: &frontMatter, text: text, path: path)
        let id = String(relative.dropLast(3)).nfc
        let modified = frontMatter.lastmod ?? file.modified
        let article = ArticleSource(id: id, path: path, languageFolder: languageFolder, frontMatter: frontMatter, markdown: markdown,
                                    bodyLineOffset: split.bodyLineOffset, lastModified: modified)
        return (diagnostics.hasErrors ? nil : article, diagnostics)
    }
}

private extension SiteLoader {
    /// An article file to read: its path under `Articles/`, and its language folder when it is a translation.
    struct ArticleFile: Sendable {
        var relative: String
        var languageFolder: String?
    }

    /// One language's tree: `Articles/` for the default language, `Articles/<code>/` for a
    /// translation, whose categories, sections and files keep the language folder in their ids.
    static func readTree(_ url: URL, languageFolder: String?, articlesURL: URL, config: SiteConfig, site: inout LoadedSite,
                         articleFiles: inout [ArticleFile], walk: inout FolderWalk, diagnostics: inout [Diagnostic]) {
        let lead = languageFolder.map { $0 + "/" } ?? ""
        let multilingual = config.languages.count > 1
        // With several languages, a language code cannot name a category or section either.
        let reserved = multilingual ? SiteLayout.reservedFolders.union(config.languages) : SiteLayout.reservedFolders
        for entry in FolderWalk.listing(url.path) where !entry.name.hasPrefix(".") {
            let name = entry.name
            let relative = lead + name
            let display = "\(SiteLayout.articlesFolder)/\(relative)"
            switch entry.kind {
            case .folder where name.hasPrefix("_"):
                // Files to include (`Articles/_snippets/`), never pages of their own.
                let files = walk.files(under: url.path + "/" + name, relative: relative, display: display)
                site.assets.formUnion(files.filter { !$0.hasSuffix(".md") })
                readSnippets(files, in: articlesURL, into: &site, diagnostics: &diagnostics)
            case .folder where languageFolder == nil && config.translationLanguages.contains(name):
                guard walk.enter(url.path + "/" + name, display: display) else { continue }
                readTree(url.appendingPathComponent(name), languageFolder: name, articlesURL: articlesURL, config: config, site: &site,
                         articleFiles: &articleFiles, walk: &walk, diagnostics: &diagnostics)
                walk.leave()
            case .folder where languageFolder == nil && multilingual && name == config.language:
                diagnostics.append(.error(.languageFolder, display,
                                          "the articles of the default language (\(name)) go directly in Articles/<category>/; only translations have a language folder"))
            case .folder where languageFolder == nil && multilingual && LanguageCodes.common.contains(name.lowercased()):
                diagnostics.append(.error(.languageFolder, display,
                                          "'\(name)' is a language that tebiki.yml's 'languages' does not list (\(config.languages.joined(separator: ", "))): add it there to publish this folder as a translation, or rename the folder"))
            case .folder where reserved.contains(name):
                let why = SiteLayout.reservedFolders.contains(name) ? "the site's own files (\(name)/ in the output)" : "the site's languages"
                diagnostics.append(.error(.reservedName, display, "the folder name '\(name)' is taken by \(why); rename the folder"))
            case .folder:
                guard let folder = scanFolder(url.appendingPathComponent(name), id: relative, fileName: Category.fileName, reserved: reserved,
                                              walk: &walk, diagnostics: &diagnostics) else { continue }
                site.assets.formUnion(folder.assets)
                readSnippets(folder.snippets, in: articlesURL, into: &site, diagnostics: &diagnostics)
                if folder.isEmpty { continue }  // e.g. Articles/images/
                var (category, problems) = loadFolderFile(folder.folderFile, id: relative, parse: Category.parse)
                diagnostics += problems
                if let introduction = loadIntroduction(folder.introduction, languageFolder: languageFolder, articlesURL: articlesURL,
                                                       config: config, diagnostics: &diagnostics) {
                    category.introduce(introduction)
                    site.introductions[relative] = introduction
                }
                site.categories.append(category)
                articleFiles += folder.markdown.map { ArticleFile(relative: $0, languageFolder: languageFolder) }
                for sectionFolder in folder.sections {
                    var (section, problems) = loadFolderFile(sectionFolder.folderFile, id: sectionFolder.id, parse: Section.parse)
                    diagnostics += problems
                    if let introduction = loadIntroduction(sectionFolder.introduction, languageFolder: languageFolder, articlesURL: articlesURL,
                                                           config: config, diagnostics: &diagnostics) {
                        section.introduce(introduction)
                        site.introductions[section.id] = introduction
                    }
                    site.sections.append(section)
                    articleFiles += sectionFolder.markdown.map { ArticleFile(relative: $0, languageFolder: languageFolder) }
                }
            case .file where name.hasSuffix(".md"):
                diagnostics.append(.error(.articleOutsideCategory, display, "articles belong in a category folder, e.g. Articles/\(lead)<category>/\(name)"))
            case .file:
                if !name.hasPrefix("_") { site.assets.insert(relative) }
            case .special, .brokenLink:
                walk.report(entry, at: display)
            }
        }
    }

    /// Ties each translation to its original, the article at its path without the language
    /// folder: one without an original, or a second one of the same original, is an error. A
    /// translation without its own `weight` takes the original's, and a translated category or
    /// section without its own file takes the original's title, description and order, so
    /// every language lists things in the same order.
    static func matchTranslations(_ site: inout LoadedSite, written: [ArticleSource]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let originals = Dictionary(written.filter { $0.languageFolder == nil }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var claimed: [String: String] = [:]
        var refused: Set<String> = []
        for article in written.sorted(by: { $0.path < $1.path }) where article.languageFolder != nil {
            let key = String(article.translationKey)
            guard originals[key] != nil else {
                diagnostics.append(.error(.translationOrphan, article.path,
                                          "no original for this translation: Articles/\(key).md does not exist (a translation has the path of the article it translates)"))
                refused.insert(article.path)
                continue
            }
            if let first = claimed.updateValue(article.path, forKey: article.id) {
                let why = first.nfc == article.path.nfc ? " (the two file names differ only in Unicode normalization, NFC and NFD)" : ""
                diagnostics.append(.error(.translationDuplicate, article.path,
                                          "\(first) already translates Articles/\(key).md into '\(article.languageFolder ?? "")'\(why); keep one of the two files"))
                refused.insert(article.path)
            }
        }
        site.articles.removeAll { refused.contains($0.path) }
        let ids = Set(site.articles.map(\.id))
        for index in site.articles.indices where site.articles[index].languageFolder != nil {
            diagnostics += settle(&site.articles[index], original: originals[String(site.articles[index].translationKey)], ids: ids)
        }
        let categories = Dictionary(site.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in site.categories.indices {
            let id = site.categories[index].id
            guard let folder = site.languageFolder(ofPath: id), let original = categories[String(id.dropFirst(folder.count + 1))] else { continue }
            site.categories[index].inherit(from: original)
        }
        let sections = Dictionary(site.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in site.sections.indices {
            let id = site.sections[index].id
            guard let folder = site.languageFolder(ofPath: id), let original = sections[String(id.dropFirst(folder.count + 1))] else { continue }
            site.sections[index].inherit(from: original)
        }
        for language in site.config.translationLanguages where !site.articles.contains(where: { $0.languageFolder == language }) {
            diagnostics.append(.warning(.languageUnused, at: site.config.languagesLocation,
                                        "no article is translated into '\(language)': its translations go in Articles/\(language)/<category>/<slug>.md"))
        }
        return diagnostics
    }

    /// `{{ name }}` in the title and description; an unknown one is an error on the key's line.
    static func substitute(_ variables: TextVariables, in frontMatter: inout FrontMatter, text: String, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func replace(_ value: String, key: String) -> String {
            let (replaced, unknown) = variables.substitute(value)
            guard !unknown.isEmpty else { return replaced }
            // Front matter keeps no positions: the line is the key's (or the `# ` heading's), the
            // column where the name is written on it.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = lines.firstIndex { $0.hasPrefix(key + ":") } ?? lines.firstIndex { $0.hasPrefix("# ") } ?? 0
            for (name, _) in unknown {
                let line = lines.isEmpty ? "" : lines[index]
                let column = (line.range(of: "{{" + name) ?? line.range(of: "{{ " + name)).map { line.unicodeScalars[..<$0.lowerBound].count + 1 } ?? 1
                diagnostics.append(.error(.variableUnknown, path, line: index + 1, column: column,
                                          "unknown variable '\(name)' in the \(key): define it under 'variables:' in tebiki.yml"))
            }
            return replaced
        }
        frontMatter.title = replace(frontMatter.title, key: "title")
        frontMatter.description = frontMatter.description.map { replace($0, key: "description") }
        frontMatter.linkTitle = frontMatter.linkTitle.map { replace($0, key: "linkTitle") }
        return diagnostics
    }

    /// Reads the `.md` files among `files` (paths under `Articles/`) as snippets.
    static func readSnippets(_ files: [String], in articlesURL: URL, into site: inout LoadedSite, diagnostics: inout [Diagnostic]) {
        let articlesFolder = articlesURL.path
        for relative in files where relative.hasSuffix(".md") {
            let path = "\(SiteLayout.articlesFolder)/\(relative)"
            switch TextFile.read(articlesFolder + "/" + relative, displayPath: path) {
            case .success(let file): site.snippets[path.nfc] = file.text
            case .failure(let problem): diagnostics.append(problem)
            }
        }
    }

    /// An optional file of `Articles/` (`_synonyms.yml`, `_glossary.yml`), read and parsed; nil
    /// when it is not there.
    static func readOptional<Value>(_ name: String, in articlesURL: URL, parse: (String, String) -> (Value, [Diagnostic]),
                                    diagnostics: inout [Diagnostic]) -> Value? {
        let path = "\(SiteLayout.articlesFolder)/\(name)"
        guard let read = TextFile.readIfPresent(articlesURL.appendingPathComponent(name).path, displayPath: path) else { return nil }
        switch read {
        case .success(let file):
            let (value, problems) = parse(file.text, path)
            diagnostics += problems
            return value
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
    }

    static func loadConfig(root: URL, options: Options, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        let url = root.appendingPathComponent(SiteLayout.configFile)
        if let read = TextFile.readIfPresent(url.path, displayPath: SiteLayout.configFile) {
            switch read {
            case .success(let file):
                let (parsed, problems) = SiteConfig.parse(file.text, path: SiteLayout.configFile)
                config = parsed
                diagnostics += problems
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        if let baseURL = options.baseURL {
            if let url = SiteConfig.baseURL(baseURL) {
                config.baseURL = url
            } else {
                diagnostics.append(.about(.error, .configInvalid, "--base-url", "'\(baseURL)' \(SiteConfig.baseURLRule)"))
            }
        }
        return config
    }

    /// What a category's or section's folder holds, as paths under `Articles/`.
    struct ArticleFolder {
        /// `admin` or `admin/users`.
        var id: String
        var markdown: [String] = []
        /// `.md` files in its `_`-prefixed folders, for articles to include.
        var snippets: [String] = []
        /// Its `index.md` or `_index.md`, the introduction of its page.
        var introduction: String?
        var assets: [String] = []
        /// `_category.yml` or `_section.yml`.
        var folderFile: URL?
        /// A category's sections, in file name order.
        var sections: [ArticleFolder] = []

        /// Only other files (images, most often): not a category or section.
        var isEmpty: Bool { markdown.isEmpty && folderFile == nil && introduction == nil && sections.isEmpty }
    }

    /// The articles, sections and other files of one category folder; nil when the folder is a
    /// link to a folder already read.
    /// One folder of articles. In a category, a subfolder with a `.md` file is a section;
    /// in a section, a subfolder holds images and the like, and a `.md` file there is an error
    /// at that subfolder.
    static func scanFolder(_ url: URL, id: String, fileName: String, reserved: Set<String>, walk: inout FolderWalk,
                           diagnostics: inout [Diagnostic]) -> ArticleFolder? {
        let display = "\(SiteLayout.articlesFolder)/\(id)"
        guard walk.enter(url.path, display: display) else { return nil }
        defer { walk.leave() }
        let isCategory = fileName == Category.fileName
        var folder = ArticleFolder(id: id)
        for entry in FolderWalk.listing(url.path) where !entry.name.hasPrefix(".") {
            let item = entry.name
            let relative = "\(id)/\(item)"
            let itemDisplay = "\(SiteLayout.articlesFolder)/\(relative)"
            switch entry.kind {
            case .folder where item.hasPrefix("_"):
                for nested in walk.files(under: url.path + "/" + item, relative: relative, display: itemDisplay) {
                    if nested.hasSuffix(".md") { folder.snippets.append(nested) } else { folder.assets.append(nested) }
                }
            case .folder where isCategory:
                guard let section = scanFolder(url.appendingPathComponent(item), id: relative, fileName: Section.fileName,
                                               reserved: reserved, walk: &walk, diagnostics: &diagnostics) else { continue }
                folder.assets += section.assets
                folder.snippets += section.snippets
                guard !section.isEmpty else { continue }
                if reserved.contains(item) {
                    let why = SiteLayout.reservedFolders.contains(item) ? "the site's own \(item)/ folder" : "the site's languages"
                    diagnostics.append(.error(.reservedName, itemDisplay, "the name '\(item)' is kept for \(why); rename the section's folder"))
                    continue
                }
                folder.sections.append(section)
            case .folder:
                var deep = false
                for nested in walk.files(under: url.path + "/" + item, relative: relative, display: itemDisplay) {
                    if nested.hasSuffix(".md") && nested.split(separator: "/").dropFirst(2).dropLast().contains(where: { $0.hasPrefix("_") }) {
                        folder.snippets.append(nested)
                    } else if nested.hasSuffix(".md") {
                        deep = true
                    } else {
                        folder.assets.append(nested)
                    }
                }
                if deep {
                    diagnostics.append(.error(.articleTooDeep, itemDisplay,
                                              "articles go at most two folders deep: Articles/<category>/<section>/<slug>.md; move the .md files of this folder up into \(display)/"))
                }
            case .file where item == fileName:
                folder.folderFile = url.appendingPathComponent(item)
            case .file where Category.introductionFiles.contains(item) && folder.introduction == nil:
                folder.introduction = relative
            case .file where item.hasSuffix(".md"):
                folder.markdown.append(relative)
            case .file:
                if !item.hasPrefix("_") { folder.assets.append(relative) }
            case .special, .brokenLink:
                walk.report(entry, at: itemDisplay)
            }
        }
        return folder
    }

    /// A category's or section's description; without its file, its title is the folder's name.
    static func loadFolderFile<Folder>(_ file: URL?, id: String, parse: (String, String, String) -> (Folder, [Diagnostic]))
        -> (Folder, [Diagnostic]) {
        let path = file.map { "\(SiteLayout.articlesFolder)/\(id)/\($0.lastPathComponent)" } ?? ""
        guard let file else { return parse("", id, path) }
        switch TextFile.read(file.path, displayPath: path) {
        case .success(let read): return parse(read.text, id, path)
        case .failure(let problem): return (parse("", id, path).0, [problem])
        }
    }

    /// A folder's `index.md`, which needs no title.
    static func loadIntroduction(_ relative: String?, languageFolder: String?, articlesURL: URL, config: SiteConfig,
                                 diagnostics: inout [Diagnostic]) -> ArticleSource? {
        guard let relative else { return nil }
        let (loaded, problems) = loadArticle(articlesFolder: articlesURL.path, relative: relative, languageFolder: languageFolder,
                                             variables: config.variables, requiresTitle: false)
        diagnostics += problems
        return loaded
    }

    /// Names under `Articles/` that cannot be part of a URL, and slugs that would land on a file
    /// the category folder already has in the output.
    static func nameProblems(_ site: LoadedSite, articleFiles: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each folder is checked once, not once per file in it; a file in a badly named folder is
        // not reported, its folder is.
        var badFolders: [Substring: Bool] = [:]
        for (index, path) in (articleFiles + site.assets.sorted()).enumerated() {
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            if let slash, badFolder(path[..<slash], &badFolders, &diagnostics) { continue }
            let name = path[(slash.map(path.index(after:)) ?? path.startIndex)...]
            if let problem = URLSegment.problem(index < articleFiles.count ? name.dropLast(3) : name) {  // ".md"
                diagnostics.append(badName(path[...], problem))
            }
        }
        var categories: [String: String] = [:]
        for category in site.categories {
            if let first = categories.updateValue(category.id, forKey: category.id.lowercased()) {
                diagnostics.append(.about(.warning, .caseCollision, "\(SiteLayout.articlesFolder)/\(category.id)",
                                          "the folder differs from \(SiteLayout.articlesFolder)/\(first) only in case: they are one folder on case-insensitive hosts"))
            }
        }
        for index in site.articles.indices {
            let (urlPath, folderID) = (site.articles[index].urlPath, site.articles[index].folderID)
            let segment = urlPath.dropFirst(folderID.count + 1).dropLast()
            guard segment == "index.html" || site.assets.contains("\(folderID)/\(segment)") else { continue }
            let article = site.articles[index]
            let slug = article.frontMatter.slug
            diagnostics.append(.error(.slugCollision, at: slug?.location ?? SourceLocation(article.path),
                                      "the page's address \(article.urlPath) is a file of \(SiteLayout.articlesFolder)/\(article.folderID)/ in the output; set a different 'slug'"))
        }
        return diagnostics
    }

    /// Whether `folder` or a folder above it has a name that cannot be part of a URL; the first
    /// such folder is reported when it is first seen.
    static func badFolder(_ folder: Substring, _ known: inout [Substring: Bool], _ diagnostics: inout [Diagnostic]) -> Bool {
        if let bad = known[folder] { return bad }
        let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
        var bad = slash.map { badFolder(folder[..<$0], &known, &diagnostics) } ?? false
        if !bad, let problem = URLSegment.problem(folder[(slash.map(folder.index(after:)) ?? folder.startIndex)...]) {
            diagnostics.append(badName(folder, problem))
            bad = true
        }
        known[folder] = bad
        return bad
    }

    static func badName(_ path: Substring, _ problem: String) -> Diagnostic {
        .about(.error, .badName, SiteLayout.articlesFolder + "/" + path, "the name \(problem); rename it: it becomes part of a URL")
    }

    /// Each image under `Articles/`, read once on all cores: its size, and for an SVG what
    /// `SVGScan` finds in it that could run code.
    static func readImages(_ assets: Set<String>, in articlesURL: URL) -> (sizes: [String: ImageSize], unsafe: [String: String]) {
        let images = assets.filter { SiteLayout.imageExtensions.contains(($0.split(separator: ".").last ?? "").lowercased()) }.sorted()
        let found = parallelMap(images) { path -> (ImageSize?, String?) in
            let absolute = articlesURL.path + "/" + path
            guard path.lowercased().hasSuffix(".svg") else { return (ImageHeader.prefix(ofFileAt: absolute).flatMap(ImageHeader.size), nil) }
            guard case .success(let file) = TextFile.read(absolute, displayPath: path) else { return (nil, nil) }
            return (SVGScan.size(in: file.text), SVGScan.problem(in: file.text))
        }
        var sizes: [String: ImageSize] = [:], unsafe: [String: String] = [:]
        for (path, (size, problem)) in zip(images, found) {
            sizes[path] = size
            unsafe[path] = problem
        }
        return (sizes, unsafe)
    }

    /// Two articles, or an article and a section, at one URL are an error; two whose URLs differ
    /// only in case are a warning, since they collide on hosts with case-insensitive file systems.
    static func duplicateURLs(in site: LoadedSite) -> [Diagnostic] {
        // Positions, not copies of the articles: a dictionary of 10,000 articles cost more to grow than the check.
        let articles = site.articles
        var seen: [String: Int] = [:]
        var folded: [String: Int] = [:]
        seen.reserveCapacity(articles.count)
        folded.reserveCapacity(articles.count)
        var diagnostics: [Diagnostic] = []
        let sections = Set(site.sections.map { $0.id + "/" })
        for index in articles.indices {
            let article = articles[index]
            let slug = article.frontMatter.slug
            if sections.contains(article.urlPath) {
                diagnostics.append(.error(.duplicateURL, at: slug?.location ?? SourceLocation(article.path),
                                          "URL \(article.urlPath) is also the page of the section \(SiteLayout.articlesFolder)/\(article.urlPath); rename the file or the folder, or set a different 'slug'"))
                continue
            }
            if let first = seen[article.urlPath] {
                diagnostics.append(.error(.duplicateURL, at: slug?.location ?? SourceLocation(article.path),
                                          "URL \(article.urlPath) is already used by \(articles[first].path); set a different 'slug'"))
                continue
            }
            seen[article.urlPath] = index
            let lowered = article.urlPath.lowercased()
            if let first = folded[lowered] {
                diagnostics.append(.warning(.caseCollision, at: slug?.location ?? SourceLocation(article.path),
                                            "URL \(article.urlPath) differs from \(articles[first].urlPath) (\(articles[first].path)) only in case: they are one page on case-insensitive hosts"))
            } else {
                folded[lowered] = index
            }
        }
        return diagnostics
    }
}
