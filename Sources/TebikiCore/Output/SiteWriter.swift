import Foundation

/// Renders every page into the staging folder and copies the files pages refer to. Article
/// pages are rendered and written in parallel chunks, so a page's HTML lives only until it is on disk.
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
        try folder.write(renderer.home(), to: "index.html")
        try folder.write(renderer.notFound(), to: "404.html")
        try folder.write(renderer.searchPage(), to: "search/index.html")
        for category in site.categories {
            try folder.write(renderer.category(category), to: "\(category.id)/index.html")
        }
        let failures = parallelMap(Array(articles.indices)) { index -> String? in
            let article = articles[index]
            do {
                try folder.write(checked.articlePage(index, renderer: renderer), to: article.source.urlPath + "index.html")
                return nil
            } catch {
                return "\(article.source.urlPath): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputFolder.Problem.io(failure) }

        var redirects = 0
        for (article, alias) in AliasPages.pages(site.articles) {
            try folder.write(renderer.redirect(to: article, fromDepth: alias.split(separator: "/").count),
                             to: alias + "index.html")
            redirects += 1
        }
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
        return 3 + site.categories.count + articles.count + redirects
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
