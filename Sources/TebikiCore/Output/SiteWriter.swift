import Foundation

/// Renders every page into the staging folder and copies the files pages refer to. Pages are
/// rendered and written in parallel chunks, so a page's HTML lives only until it is on disk.
struct SiteWriter {
    let site: LoadedSite
    let articles: [ParsedArticle]
    /// Every HTML page with its file in the output, and how to render one.
    let pages: [(path: String, page: SitePage)]
    let html: (SitePage, PageRenderer) -> [UInt8]
    /// Feeds, `llms.txt`, `robots.txt`, the sitemap and the articles' Markdown copies.
    let files: [(path: String, file: SiteFile)]
    let utf8: (SiteFile) -> [UInt8]
    /// The search index's files, which `write(search:)` writes.
    let searchPaths: [String]
    let theme: Theme
    let folder: OutputFolder

    /// What went wrong writing the site: the page's source file when a page could not be
    /// written, else the output folder.
    struct Failure: Error {
        var problem: OutputFolder.Problem
        var source: Diagnostic?

        func diagnostics(output: String) -> [Diagnostic] {
            [source ?? .about(.error, .writeFailed, output, "cannot write the site: \(problem.description)")]
        }
    }

    /// Every file the build makes, by its path in the output (`Static/` files aside).
    var outputPaths: Set<String> {
        var paths = Set(pages.map(\.path))
        paths.formUnion(theme.assets.map(\.outputPath))
        paths.formUnion(articles.referencedAssets)
        paths.formUnion(searchPaths)
        paths.formUnion(site.config.languages.map { WidgetScript.path(for: $0, in: site) })
        paths.formUnion(files.map(\.path))
        return paths
    }

    /// Writes files of the search index as the index step makes them, before there are pages,
    /// on the core that made them (the step makes and writes on all cores at once); the first
    /// problem, if any.
    static func write(search: [SearchIndex.File], to folder: OutputFolder) -> OutputFolder.Problem? {
        for file in search {
            do throws(OutputFolder.Problem) { try folder.write(file.utf8, to: file.path) } catch { return error }
        }
        return nil
    }

    /// Returns the number of HTML pages written.
    func writeAll() throws(Failure) -> Int {
        let renderer = PageRenderer(site: site, theme: theme).cachingArticleLinks()
        // Pages and files in one parallel pass: a category page lists thousands of articles in a
        // large site, and rendered on its own would keep one core busy while the other waits; and
        // each pass ends with a core waiting for the other's last items.
        let jobs = pages.indices.map { Job.page($0) } + files.indices.map { Job.file($0) }
        // The files the articles show, gathered from every article's links on another core
        // meanwhile: after the pass, that held one core for 4 ms at 10,000 articles.
        let (referenced, failure) = inParallel({ [articles] in articles.referencedAssets.sorted() }) { () -> Failure? in
            do throws(Failure) {
                try writeInParallel(jobs, source: { job in if case .page(let index) = job { source(of: pages[index].page) } else { nil } }) {
                    job throws(OutputFolder.Problem) in
                    switch job {
                    case .page(let index): try folder.write(html(pages[index].page, renderer), to: pages[index].path, inNewFolder: true)
                    case .file(let index): try folder.write(utf8(files[index].file), to: files[index].path)
                    }
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        do throws(OutputFolder.Problem) {
            for (outputPath, source) in theme.assets {
                try folder.copy(source, to: outputPath)
            }
            let articlesFolder = site.root.appendingPathComponent(SiteLayout.articlesFolder)
            for path in referenced {
                try folder.copy(articlesFolder.appendingPathComponent(path), to: path)
            }
        } catch {
            throw Failure(problem: error)
        }
        do throws(OutputFolder.Problem) {
            for language in site.config.languages {
                if let widget = WidgetScript.text(theme: theme, articles: articles, site: site, language: language) {
                    try folder.write(widget, to: WidgetScript.path(for: language, in: site))
                }
            }
            let staticFolder = site.root.appendingPathComponent(SiteLayout.staticFolder)
            for path in site.staticFiles {
                try folder.copy(staticFolder.appendingPathComponent(path), to: path, replacing: true)
            }
        } catch {
            throw Failure(problem: error)
        }
        return pages.count
    }
}

private extension SiteWriter {
    /// A page or a file, by its place in `pages` or `files`.
    enum Job: Sendable {
        case page(Int)
        case file(Int)
    }

    /// Makes and writes a file for each item on all cores; throws the first failure, at the
    /// file the item came from when there is one.
    func writeInParallel<Item: Sendable>(_ items: [Item], source: (Item) -> ArticleSource?,
                                         _ write: (Item) throws(OutputFolder.Problem) -> Void) throws(Failure) {
        let failures = parallelMap(items) { item -> Failure? in
            do throws(OutputFolder.Problem) {
                try write(item)
                return nil
            } catch {
                let article = source(item)
                let slug = article?.frontMatter.slug
                return Failure(problem: error, source: article.map {
                    .error(.writeFailed, at: slug?.location ?? SourceLocation($0.path), "cannot write the page: \(error.description)")
                })
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    func source(of page: SitePage) -> ArticleSource? {
        switch page {
        case .article(let index), .redirect(let index, _): articles[index].source
        case .home, .notFound, .search, .category, .section: nil
        }
    }
}
