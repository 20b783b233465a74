import Foundation

/// A whole build as a short list of named steps:
/// load → parse → check links → render → publish.
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

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var articleCount = 0
        public var pageCount = 0
        public var output: URL?
        public var succeeded: Bool { !diagnostics.hasErrors && output != nil }
    }

    public static let steps = ["Loading articles", "Parsing Markdown", "Checking links", "Rendering pages", "Publishing"]

    /// Builds the site; `progress` is told each step's number as it starts.
    public static func build(_ options: Options, progress: (Int, String) -> Void = { _, _ in }) -> Result {
        progress(1, steps[0])
        let (site, loadProblems) = SiteLoader.load(
            root: options.source, options: .init(includeDrafts: options.includeDrafts, baseURL: options.baseURL))
        let (theme, themeProblems) = Theme.load(site: site)
        var diagnostics = loadProblems + themeProblems

        progress(2, steps[1])
        let resolver = LinkResolver(site: site)
        let articles = MarkdownParser.parse(site, resolver: resolver)

        progress(3, steps[2])
        diagnostics += LinkChecker.check(articles)
        diagnostics += AliasPages.check(site.articles)
        var result = Result(diagnostics: diagnostics, articleCount: articles.count)
        guard !diagnostics.hasErrors, let theme else { return result }

        progress(4, steps[3])
        let destination = options.output ?? site.root.appendingPathComponent(site.config.output)
        let folder: OutputFolder
        do {
            folder = try OutputFolder(destination: destination)
        } catch {
            result.diagnostics.append(.error(site.config.output, error.description))
            return result
        }
        do {
            result.pageCount = try SiteWriter(site: site, theme: theme, articles: articles, folder: folder).writeAll()
            progress(5, steps[4])
            try folder.publish()
            result.output = folder.destination
        } catch {
            folder.discard()
            result.diagnostics.append(.error(site.config.output, "cannot write the site: \(error.localizedDescription)"))
        }
        return result
    }
}
