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
        let pages = htmlPages()
        let failures = parallelMap(pages) { page -> String? in
            do {
                try folder.write(html(of: page, renderer: renderer), to: path(of: page))
                return nil
            } catch {
                return "\(path(of: page)): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputFolder.Problem.io(failure) }

        for (outputPath, source) in theme.assets {
            try folder.copy(source, to: outputPath)
        }
        let articlesFolder = site.root.appendingPathComponent(LoadedSite.articlesFolder)
        for path in articles.referencedAssets.sorted() {
            try folder.copy(articlesFolder.appendingPathComponent(path), to: path)
        }
        let searchFailures = parallelMap(search.files) { file -> String? in
            do { try folder.write(file.text, to: file.path) } catch { return "\(file.path): \(error.localizedDescription)" }
            return nil
        }
        if let failure = searchFailures.compactMap({ $0 }).first { throw OutputFolder.Problem.io(failure) }
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
    enum Page: Sendable {
        case home, notFound, search
        case category(Category)
        case article(Int)
        case redirect(to: ArticleSource, from: String)
    }

    /// Every HTML page, rendered in parallel: a category page lists thousands of articles in a
    /// large site, and would keep one core busy while the other waits.
    func htmlPages() -> [Page] {
        [.home, .notFound, .search] + site.categories.map(Page.category)
            + articles.indices.map(Page.article)
            + AliasPages.pages(site.articles).map { Page.redirect(to: $0.0, from: $0.1) }
    }

    func path(of page: Page) -> String {
        switch page {
        case .home: "index.html"
        case .notFound: "404.html"
        case .search: "search/index.html"
        case .category(let category): "\(category.id)/index.html"
        case .article(let index): articles[index].source.urlPath + "index.html"
        case .redirect(_, let alias): alias + "index.html"
        }
    }

    func html(of page: Page, renderer: PageRenderer) -> String {
        switch page {
        case .home: renderer.home()
        case .notFound: renderer.notFound()
        case .search: renderer.searchPage()
        case .category(let category): renderer.category(category)
        case .article(let index): checked.articlePage(index, renderer: renderer)
        case .redirect(let article, let alias): renderer.redirect(to: article, fromDepth: alias.split(separator: "/").count)
        }
    }
}

extension SiteBuilder.CheckedSite {
    /// The page of `articles[index]`, with its neighbours in the category, related articles and backlinks.
    func articlePage(_ index: Int, renderer: PageRenderer) -> String {
        let category = articles[index].source.categoryID
        let previous = index > 0 && articles[index - 1].source.categoryID == category ? articles[index - 1].source : nil
        let next = index + 1 < articles.count && articles[index + 1].source.categoryID == category ? articles[index + 1].source : nil
        let related = self.related.lists[index].map { articles[$0.index].source }
        let backlinks = site.config.backlinks ? graph.backlinks(of: index).map { articles[$0].source } : []
        return renderer.article(articles[index], previous: previous, next: next, related: related, backlinks: backlinks)
    }
}
