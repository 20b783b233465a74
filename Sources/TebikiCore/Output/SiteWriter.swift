import Foundation

/// Renders every page into the staging folder and copies the files pages refer to. Pages are
/// rendered and written in parallel chunks, so a page's HTML lives only until it is on disk.
struct SiteWriter {
    let checked: SiteBuilder.CheckedSite
    let search: SearchIndex
    let theme: Theme
    let folder: OutputFolder

    var site: LoadedSite { checked.site }
    var articles: [ParsedArticle] { checked.articles }

    /// Returns the number of HTML pages written.
    func writeAll() throws -> Int {
        let renderer = PageRenderer(site: site, theme: theme)
        // All in one parallel pass: a category page lists thousands of articles in a large
        // site, and rendered on its own would keep one core busy while the other waits.
        let pages = checked.pages()
        try writeInParallel(pages) { ($0.path, checked.html(of: $0.page, renderer: renderer)) }

        for (outputPath, source) in theme.assets {
            try folder.copy(source, to: outputPath)
        }
        let articlesFolder = site.root.appendingPathComponent(LoadedSite.articlesFolder)
        for path in articles.referencedAssets.sorted() {
            try folder.copy(articlesFolder.appendingPathComponent(path), to: path)
        }
        try writeInParallel(search.files) { ($0.path, $0.text) }
        if let widget = WidgetScript.text(theme: theme, articles: articles, site: site) {
            try folder.write(widget, to: WidgetScript.path)
        }
        if let sitemap = Sitemap(site: site).xml() {
            try folder.write(sitemap, to: "sitemap.xml")
        }
        return pages.count
    }
}

private extension SiteWriter {
    /// Makes and writes a file for each item on all cores; throws the first failure.
    func writeInParallel<Item: Sendable>(_ items: [Item], _ file: (Item) -> (path: String, text: String)) throws {
        let failures = parallelMap(items) { item -> String? in
            let (path, text) = file(item)
            do {
                try folder.write(text, to: path)
                return nil
            } catch {
                return "\(path): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputFolder.Problem.io(failure) }
    }
}
