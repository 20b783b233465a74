import CTebikiSystem
import Foundation

/// A whole build as a short list of named steps (`Step`):
/// load → render Markdown → check links → relate → index for search → write pages → publish.
/// `check` is the first four.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var source: URL
        /// Defaults to the config's `output` folder inside `source`.
        public var output: URL?
        public var baseURL: String?
        public var includeDrafts = false
        /// Every warning counts as an error (`--strict`).
        public var strict = false

        public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false) {
            self.source = source
            self.output = output
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
            self.strict = strict
        }
    }

    /// Everything known about the site once it is checked, before anything is written.
    public struct CheckedSite: Sendable {
        public var site: LoadedSite
        public var theme: Theme?
        /// Without their vectors' word texts, which are in `searchWords`.
        public var articles: [ParsedArticle]
        /// The text of every word term of the articles, the one table search reads them from
        /// (`MarkdownParser.parse`).
        var searchWords: WordTable
        /// The categories' and sections' introductions (`index.md`), by folder id.
        public var introductions: [String: ParsedArticle]
        public var graph: LinkGraph
        public var related: RelatedArticles
        /// Problems found while loading the site and its theme.
        public var loadDiagnostics: [Diagnostic]
        /// What the link check found, which an edit to any article can change.
        public var links: LinkChecker.Findings
        /// Every warning counts as an error.
        public var strict = false
        /// What the parse stage found, article by article (`ParsedArticle.diagnostics`).
        public var parseDiagnostics: [Diagnostic] {
            // Not `articles + introductions.values`: that copies every article, which at 10,000
            // cost the preview server 20 ms an edit.
            articles.flatMap(\.diagnostics) + introductions.values.flatMap(\.diagnostics)
        }
        /// Everything found, as the site's `warnings:` and `strict` want it reported.
        public var diagnostics: [Diagnostic] {
            site.config.adjusted(loadDiagnostics + parseDiagnostics + links.all, strict: strict)
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var articleCount = 0
        public var pageCount = 0
        public var output: URL?
        public var succeeded: Bool { !diagnostics.hasErrors && output != nil }
    }

    /// The steps of a build, in order; `check` is the first four. Links are checked beside
    /// relating, so the time `--timings` gives for relating includes the check's.
    public enum Step: Int, CaseIterable, Sendable {
        case load, render, checkLinks, relate, index, write, publish

        public static let checkSteps: [Step] = [.load, .render, .checkLinks, .relate]

        /// What the step does, as progress lines and `--timings` print it.
        public var title: String {
            switch self {
            case .load: "Loading articles and the theme"
            // Parsing is the least of it: HTML, links, tours, the glossary and term vectors too.
            case .render: "Rendering Markdown"
            case .checkLinks: "Checking links"
            case .relate: "Relating articles"
            case .index: "Indexing for search"
            case .write: "Writing pages"
            case .publish: "Publishing"
            }
        }
    }

    /// Loads, parses and checks the site without writing anything.
    public static func check(_ options: Options, progress: (Step) -> Void = { _ in }) -> CheckedSite {
        progress(.load)
        // The theme needs only the configuration: it is read on another core beside the articles.
        var (site, loadProblems, (theme, themeProblems)) = SiteLoader.load(
            root: options.source, options: .init(includeDrafts: options.includeDrafts, baseURL: options.baseURL), beside: Theme.load(site:))
        site.themeWords = theme?.words ?? [:]

        progress(.render)
        let resolver = LinkResolver(site: site)
        let (articles, searchWords) = MarkdownParser.parse(site, resolver: resolver)
        let introductions = MarkdownParser.introductions(site, resolver: resolver)

        progress(.checkLinks)
        let graph = LinkGraph(articles)
        // Links are checked beside relating: the check's site-wide part and the related index's
        // postings each ran on one core while the other waited (20 ms at 10,000 articles).
        let (loaded, folderPages) = (site, introductions.values.sorted { $0.source.path < $1.source.path })
        let (links, related) = inParallel({ LinkChecker.check(articles, graph: graph, site: loaded, introductions: folderPages) }) {
            progress(.relate)
            return relate(articles, graph: graph, site: loaded)
        }
        return CheckedSite(site: site, theme: theme, articles: articles, searchWords: searchWords,
                           introductions: introductions, graph: graph, related: related,
                           loadDiagnostics: loadProblems + themeProblems, links: links, strict: options.strict)
    }

    /// The related lists, as the site's settings ask for them; the preview server redoes them
    /// the same way after edits.
    static func relate(_ articles: [ParsedArticle], graph: LinkGraph, site: LoadedSite) -> RelatedArticles {
        var options = RelatedArticles.Options()
        options.count = site.config.relatedCount
        return RelatedArticles(articles, graph: graph, options: options)
    }

    /// Builds the site; `progress` is told each step as it starts.
    public static func build(_ options: Options, progress: (Step) -> Void = { _ in }) -> Result {
        // Freed on another thread once the build is done: letting the values of 10,000 articles
        // go took 35 ms of one core after the last page was written, which no one waits for.
        let held = Unmanaged.passRetained(Held(check(options, progress: progress)))
        defer { DispatchQueue.global(qos: .utility).async { held.release() } }
        return write(&held.takeUnretainedValue().checked, options: options, progress: progress)
    }
}

private extension SiteBuilder {
    /// Read and changed by the build, then only released, by the thread that frees it.
    final class Held: @unchecked Sendable {
        var checked: CheckedSite

        init(_ checked: CheckedSite) {
            self.checked = checked
        }
    }

    /// The steps after the check: index, write, publish.
    static func write(_ checked: inout CheckedSite, options: Options, progress: (Step) -> Void) -> Result {
        var result = Result(diagnostics: checked.diagnostics, articleCount: checked.articles.count)
        guard !checked.diagnostics.hasErrors, let theme = checked.theme else { return result }

        let site = checked.site
        let destination = options.output ?? site.root.appendingPathComponent(site.config.output)
        // Named as the writer gave it: relative to the site folder when inside it.
        let shown = destination.standardizedFileURL.path.hasPrefix(site.root.standardizedFileURL.path + "/")
            ? String(destination.standardizedFileURL.path.dropFirst(site.root.standardizedFileURL.path.count + 1))
            : destination.standardizedFileURL.path
        let folder: OutputFolder
        do {
            folder = try OutputFolder(destination: destination, source: site.root)
        } catch {
            result.diagnostics.append(.about(.error, .outputFolder, shown, error.description))
            return result
        }

        progress(.index)
        let (searchPaths, searchFailure) = writeIndex(&checked, to: folder)

        progress(.write)
        // The two lists side by side: each is a path made for every article, on one core.
        let listed = checked
        let (files, pages) = inParallel({ listed.files() }) { listed.pages() }
        let writer = SiteWriter(site: site, articles: checked.articles, pages: pages, html: checked.html(of:renderer:),
                                files: files, utf8: checked.utf8(of:), searchPaths: searchPaths, theme: theme, folder: folder)
        if !site.staticFiles.isEmpty {
            result.diagnostics += StaticFiles.check(site.staticFiles, generated: writer.outputPaths)
        }
        if result.diagnostics.hasErrors {
            folder.discard()
            return result
        }
        do throws(SiteWriter.Failure) {
            if let searchFailure { throw searchFailure }
            result.pageCount = try writer.writeAll()
            progress(.publish)
            do throws(OutputFolder.Problem) { try folder.publish() } catch { throw SiteWriter.Failure(problem: error) }
            result.output = folder.destination
        } catch {
            folder.discard()
            result.diagnostics += error.diagnostics(output: shown)
        }
        return result
    }

    /// The index step: writes the search index as it is made (30 MB at 10,000 articles), each
    /// file by the core that made it. The files made from the articles come first, so their
    /// section texts can go before the postings are gathered; then what only relating and
    /// indexing read goes, so writing pages does not hold it too. Returns the paths written and
    /// the first failure.
    static func writeIndex(_ checked: inout CheckedSite, to folder: OutputFolder) -> (paths: [String], failure: SiteWriter.Failure?) {
        let written = SearchWrites(folder: folder)
        _ = SiteSearch.makeArticleFiles(articles: checked.articles, site: checked.site, take: written.write)
        checked.releaseSectionTexts()
        tebiki_return_free_memory()
        do { // The site's word table and the postings go before the pages are written.
            let words = checked.searchWords
            checked.searchWords = WordTable(capacity: 0)
            _ = SiteSearch(articles: checked.articles, site: checked.site, words: words).makeTermFiles(site: checked.site, take: written.write)
        }
        checked.releaseSearchText()
        tebiki_return_free_memory()
        return (written.paths, written.problem.map { SiteWriter.Failure(problem: $0) })
    }

    /// The search files' paths and the first problem writing them, as the cores write them:
    /// in one list, not a list for each article's files, which held about 5 MB more at the peak of
    /// a 50,000-article build.
    final class SearchWrites: @unchecked Sendable {
        let folder: OutputFolder
        private let lock = NSLock()
        private(set) var paths: [String] = []
        private(set) var problem: OutputFolder.Problem?

        init(folder: OutputFolder) {
            self.folder = folder
        }

        func write(_ batch: [SearchIndex.File]) {
            let problem = SiteWriter.write(search: batch, to: folder)
            lock.lock()
            defer { lock.unlock() }
            for file in batch { paths.append(file.path) }
            if self.problem == nil { self.problem = problem }
        }
    }
}

private extension SiteBuilder.CheckedSite {
    /// Drops the section texts, which only the search index's snippet files read: 60 MB at
    /// 50,000 articles. Let go before the postings are gathered, they lower the peak by 12 MB,
    /// not 60: freed among the other small strings, most of their pages stay in use.
    mutating func releaseSectionTexts() {
        parallelUpdate(&articles) { $0.body.sections = [] }
    }

    /// Drops what only relating and indexing read (term vectors, search keys), once the index
    /// is written: the pages do not need them.
    mutating func releaseSearchText() {
        parallelUpdate(&articles) { article in
            article.terms = TermVector()
            article.searchKeys = []
        }
    }
}
