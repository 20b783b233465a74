import Foundation

/// The site as `tebiki serve` holds it: checked in memory, each page rendered only when a
/// browser asks for it (so the published output folder is never touched), and brought up to
/// date after an edit in two steps:
///
/// 1. `updating(_:)` re-reads and re-parses only the edited articles and re-checks the links,
///    which is all the edited pages need; the reload can go out at once.
/// 2. `settled()` then redoes the related lists, which depend on the text of every article, and
///    the search index's shards and chunks the edits touched, and says which pages changed.
///
/// Anything an article edit cannot explain (a new or deleted file, a changed address or
/// reading order, the theme, `tebiki.yml`) is answered by loading the whole site again.
public struct LiveSite: Sendable {
    public enum Resource: Sendable, Equatable {
        /// A page or script made in memory.
        case text(String)
        /// A file served as it is on disk (theme assets, images).
        case file(URL)
    }

    public enum Outcome: Sendable {
        /// The edits were applied; the pages at `changedPages` (site-relative folders such as
        /// `login/signin/`, `""` for the home page) may look different; nil means any page may.
        case updated(LiveSite, changedPages: Set<String>?)
        /// The edits broke the site; the previous state stays.
        case failed([Diagnostic])
        /// The edits need the whole site loaded again.
        case needsReload

        var isReloadNeeded: Bool { if case .needsReload = self { true } else { false } }
    }

    public private(set) var checked: SiteBuilder.CheckedSite
    public let options: SiteBuilder.Options
    /// Incremented by every change, so a late `settled()` result for an older state is dropped.
    public private(set) var generation = 0
    /// Whether related lists and the search index reflect the latest edit.
    public var isSettled: Bool { unsettled.isEmpty }
    private let theme: Theme
    private let resolver: LinkResolver
    /// By language code.
    private let markdownOptions: [String: MarkdownRenderer.Options]
    private var searchFiles: [String: String]
    private var search: SiteSearch
    /// Articles edited since related lists and the search index were last brought up to date.
    private var unsettled: Set<Int> = []
    private var routes: [String: Route] = [:]
    private let indexByID: [String: Int]
    /// Every article's heading ids, kept so an edit re-checks only the links it can affect.
    private var headingIDs: [String: Set<String>]
    /// Every article's title by id, which the link check compares link texts with.
    private var titles: [String: String]

    /// Loads, parses and checks the whole site; nil with the diagnostics when it has errors.
    public static func load(_ options: SiteBuilder.Options) -> (LiveSite?, [Diagnostic]) {
        let checked = SiteBuilder.check(options)
        guard !checked.diagnostics.hasErrors, let theme = checked.theme else { return (nil, checked.diagnostics) }
        return (LiveSite(checked: checked, theme: theme, options: options), checked.diagnostics)
    }

    public var diagnostics: [Diagnostic] { checked.diagnostics }

    /// The site after `changed` (paths from the site folder) were saved: updated article by
    /// article when every change is an edit of an existing article, else loaded whole again.
    /// Never `.needsReload`.
    public static func rebuilt(after changed: Set<String>, from live: LiveSite?, options: SiteBuilder.Options) -> Outcome {
        let articleEdits = changed.allSatisfy { path in
            path.hasPrefix(SiteLayout.articlesFolder + "/") && path.hasSuffix(".md")
                && FileManager.default.fileExists(atPath: options.source.appendingPathComponent(path).path)
        }
        if articleEdits, let live, case let outcome = live.updating(changed), !outcome.isReloadNeeded { return outcome }
        let (site, diagnostics) = load(options)
        return site.map { .updated($0, changedPages: nil) } ?? .failed(diagnostics)
    }

    /// The file a site-relative path names: a folder's is its `index.html`.
    public static func filePath(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// Whether there is anything at a site-relative path, without making it.
    public func serves(_ path: String) -> Bool {
        routes[Self.filePath(path)] != nil
    }

    /// What to serve at a site-relative path (`""`, `login/`, `assets/style.css`), or nil.
    public func resource(at path: String) -> Resource? {
        let key = Self.filePath(path)
        guard let route = routes[key] else { return nil }
        let renderer = PageRenderer(site: checked.site, theme: theme)
        switch route {
        case .page(let page): return .text(String(decoding: checked.html(of: page, renderer: renderer), as: UTF8.self))
        case .siteFile(let file): return .text(String(decoding: checked.utf8(of: file), as: UTF8.self))
        case .searchFile: return searchFiles[key].map(Resource.text)
        case .widget(let language): return WidgetScript.text(theme: theme, articles: checked.articles, site: checked.site, language: language).map(Resource.text)
        case .file(let url): return .file(url)
        }
    }

    /// Applies edits to existing articles (paths from the site folder, `Articles/login/signin.md`).
    public func updating(_ changedFiles: Set<String>) -> Outcome {
        var next = self
        var changedPages: Set<String> = []
        var listsChanged = false, routesChanged = false
        var recheck: Set<Int> = []
        let articlesURL = checked.site.root.appendingPathComponent(SiteLayout.articlesFolder)
        var loadDiagnostics = checked.loadDiagnostics.filter { !changedFiles.contains($0.path) }
        for path in changedFiles.sorted() {
            guard let index = checked.articles.firstIndex(where: { $0.source.path == path }) else { return .needsReload }
            let old = checked.articles[index]
            let relative = String(path.dropFirst(SiteLayout.articlesFolder.count + 1))
            let (loaded, problems) = SiteLoader.loadArticle(articlesFolder: articlesURL.path, relative: relative, languageFolder: old.source.languageFolder,
                                                          variables: checked.site.config.variables)
            loadDiagnostics += problems
            guard var source = loaded else {
                if problems.hasErrors { continue }
                return .needsReload
            }
            if source.languageFolder != nil {
                let site = checked.site
                loadDiagnostics += SiteLoader.settle(&source, original: site.articles.first { $0.id == source.translationKey },
                                                     ids: Set(site.articles.map(\.id)))
            }
            guard source.urlPath == old.source.urlPath, !(source.frontMatter.draft && !options.includeDrafts),
                  next.keepsReadingOrder(source, at: index) else { return .needsReload }
            let parsed = MarkdownParser.parse(source, resolver: resolver, options: markdownOptions[checked.site.language(ofPath: source.id)] ?? .init())
            next.checked.site.articles[index] = source
            next.checked.articles[index] = parsed
            next.headingIDs[source.id] = parsed.body.fragmentIDs
            next.titles[source.id] = source.title
            next.checked.graph = next.checked.graph.updating(index, in: next.checked.articles, previous: old, indexByID: indexByID)
            // Its own links, and the links into it, whose anchors its headings may have broken.
            recheck.insert(index)
            next.unsettled.insert(index)
            recheck.formUnion(next.checked.graph.incoming[index])
            // Its own page, the pages whose backlinks it joins or leaves, and the lists that show
            // its title and description.
            changedPages.insert(source.urlPath)
            for target in checked.graph.outgoing[index].union(next.checked.graph.outgoing[index]) {
                changedPages.insert(checked.articles[target].source.urlPath)
            }
            listsChanged = listsChanged || source.title != old.source.title
                || source.frontMatter.description != old.source.frontMatter.description || source.frontMatter.tags != old.source.frontMatter.tags
            routesChanged = routesChanged || source.frontMatter.aliases != old.source.frontMatter.aliases
                || Self.assets(of: parsed) != Self.assets(of: old)
        }
        if loadDiagnostics.hasErrors { return .failed(loadDiagnostics + checked.parseDiagnostics + checked.links.all) }
        next.checked.loadDiagnostics = loadDiagnostics
        let otherToolIDs = recheck.isEmpty ? [:] : LinkChecker.otherToolIDs(next.checked.articles, headingIDs: next.headingIDs,
                                                                            linksOf: recheck.map { next.checked.articles[$0] })
        for index in recheck {
            next.checked.links.byArticle[index] = LinkChecker.problems(in: next.checked.articles[index], headingIDs: next.headingIDs,
                                                                       titles: next.titles, otherToolIDs: otherToolIDs,
                                                                       languageFolders: LinkChecker.languageFolders(checked.site),
                                                                       unpublished: checked.site.unpublished)
        }
        next.checked.links.siteWide = LinkChecker.siteWide(next.checked.articles, graph: next.checked.graph, site: next.checked.site)
        if next.checked.diagnostics.hasErrors { return .failed(next.checked.diagnostics) }
        next.generation += 1
        if routesChanged { next.routes = next.makeRoutes() }
        return .updated(next, changedPages: listsChanged ? nil : changedPages)
    }

    /// Redoes the related lists for the current text of every article, and the parts of the
    /// search index the edits touched; returns the settled site and the article pages whose
    /// related lists changed.
    public func settled() -> (LiveSite, changedPages: Set<String>) {
        var next = self
        next.checked.related = SiteBuilder.relate(checked.articles, graph: checked.graph, site: checked.site)
        for file in next.search.updatedFiles(edited: unsettled, articles: checked.articles, site: checked.site) {
            next.searchFiles[file.path] = file.text
        }
        next.unsettled = []
        var changed: Set<String> = []
        for index in checked.articles.indices
        where next.checked.related.lists[index].map(\.id) != checked.related.lists[index].map(\.id) {
            changed.insert(checked.articles[index].source.urlPath)
        }
        return (next, changed)
    }
}

private extension LiveSite {
    enum Route: Sendable {
        case page(SitePage)
        case siteFile(SiteFile)
        case searchFile
        case widget(String)
        case file(URL)
    }

    init(checked: SiteBuilder.CheckedSite, theme: Theme, options: SiteBuilder.Options) {
        self.checked = checked
        self.theme = theme
        self.options = options
        resolver = LinkResolver(site: checked.site)
        markdownOptions = MarkdownParser.options(for: checked.site, resolver: resolver)
        search = SiteSearch(articles: checked.articles, site: checked.site, words: checked.searchWords)
        self.checked.searchWords = WordTable(capacity: 0)  // the search index keeps them up to date from here on
        searchFiles = Dictionary(search.files(articles: checked.articles, site: checked.site).map { ($0.path, $0.text) },
                                 uniquingKeysWith: { first, _ in first })
        indexByID = checked.articles.positionsByID
        headingIDs = LinkChecker.headingIDs(checked.articles)
        titles = LinkChecker.titles(checked.articles)
        routes = makeRoutes()
    }

    static func assets(of article: ParsedArticle) -> [String] {
        article.body.links.compactMap { if case .asset(let path) = $0.target { return path } else { return nil } }
    }

    func makeRoutes() -> [String: Route] {
        var routes: [String: Route] = [:]
        for language in checked.site.config.languages { routes[WidgetScript.path(for: language, in: checked.site)] = .widget(language) }
        for (path, page) in checked.pages() { routes[path] = .page(page) }
        for (path, file) in checked.files() { routes[path] = .siteFile(file) }
        for (outputPath, source) in theme.assets { routes[outputPath] = .file(source) }
        let articlesFolder = checked.site.root.appendingPathComponent(SiteLayout.articlesFolder)
        for path in checked.articles.referencedAssets { routes[path] = .file(articlesFolder.appendingPathComponent(path)) }
        for path in searchFiles.keys { routes[path] = .searchFile }
        // Last, so that they replace generated files, as in the built site.
        let staticFolder = checked.site.root.appendingPathComponent(SiteLayout.staticFolder)
        for path in checked.site.staticFiles { routes[path] = .file(staticFolder.appendingPathComponent(path)) }
        return routes
    }

    /// Whether `source` can replace the article at `index` without moving in the reading order.
    func keepsReadingOrder(_ source: ArticleSource, at index: Int) -> Bool {
        let articles = checked.site.articles
        if index > 0, articles[index - 1].folderID == source.folderID,
           !ArticleSource.readingOrder(articles[index - 1], source) { return false }
        if index + 1 < articles.count, articles[index + 1].folderID == source.folderID,
           !ArticleSource.readingOrder(source, articles[index + 1]) { return false }
        return true
    }
}
