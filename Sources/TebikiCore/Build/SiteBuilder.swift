import Foundation

/// A whole build as a short list of named steps:
/// load → parse → check links → relate → index for search → render → publish.
/// `check` is the first four.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var source: URL
        /// Defaults to the config's `output` folder inside `source`.
        public var output: URL?
        public var baseURL: String?
        public var includeDrafts = false

        public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
            self.source = source
            self.output = output
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
        }
    }

    /// Everything known about the site once it is checked, before anything is written.
    public struct CheckedSite: Sendable {
        public var site: LoadedSite
        public var theme: Theme?
        public var articles: [ParsedArticle]
        public var graph: LinkGraph
        public var related: RelatedArticles
        /// Problems found while loading the site and its theme.
        public var loadDiagnostics: [Diagnostic]
        /// What the link check found, which an edit to any article can change.
        public var links: LinkChecker.Findings
        public var diagnostics: [Diagnostic] { loadDiagnostics + links.all }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var articleCount = 0
        public var pageCount = 0
        public var output: URL?
        public var succeeded: Bool { !diagnostics.hasErrors && output != nil }
    }

    public static let steps = ["Loading articles", "Parsing Markdown", "Checking links", "Relating articles",
                               "Indexing for search", "Rendering pages", "Publishing"]
    public static let checkSteps = Array(steps.prefix(4))

    /// Loads, parses and checks the site without writing anything.
    public static func check(_ options: Options, progress: (Int, String) -> Void = { _, _ in }) -> CheckedSite {
        progress(1, steps[0])
        let (site, loadProblems) = SiteLoader.load(
            root: options.source, options: .init(includeDrafts: options.includeDrafts, baseURL: options.baseURL))
        let (theme, themeProblems) = Theme.load(site: site)

        progress(2, steps[1])
        let articles = MarkdownParser.parse(site, resolver: LinkResolver(site: site))

        progress(3, steps[2])
        let graph = LinkGraph(articles)
        let links = LinkChecker.check(articles, graph: graph, site: site)

        progress(4, steps[3])
        var relatedOptions = RelatedArticles.Options()
        relatedOptions.count = site.config.relatedCount
        let related = RelatedArticles(articles, graph: graph, options: relatedOptions)
        return CheckedSite(site: site, theme: theme, articles: articles, graph: graph, related: related,
                           loadDiagnostics: loadProblems + themeProblems, links: links)
    }

    /// Builds the site; `progress` is told each step's number as it starts.
    public static func build(_ options: Options, progress: (Int, String) -> Void = { _, _ in }) -> Result {
        let checked = check(options, progress: progress)
        var result = Result(diagnostics: checked.diagnostics, articleCount: checked.articles.count)
        guard !checked.diagnostics.hasErrors, let theme = checked.theme else { return result }

        progress(5, steps[4])
        let search = SearchIndex(articles: checked.articles, site: checked.site)
        result.diagnostics += StaticFiles.check(checked.site.staticFiles, generated: SiteWriter.outputPaths(checked, search: search, theme: theme))
        if result.diagnostics.hasErrors { return result }

        progress(6, steps[5])
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
            result.diagnostics.append(.about(.error, shown, error.description))
            return result
        }
        do throws(SiteWriter.Failure) {
            result.pageCount = try SiteWriter(checked: checked, search: search, theme: theme, folder: folder).writeAll()
            progress(7, steps[6])
            do throws(OutputFolder.Problem) { try folder.publish() } catch { throw SiteWriter.Failure(problem: error) }
            result.output = folder.destination
        } catch {
            folder.discard()
            result.diagnostics += error.diagnostics(output: shown)
        }
        return result
    }
}
