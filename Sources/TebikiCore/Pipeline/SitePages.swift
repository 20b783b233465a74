/// The site's pages, from everything the checked site knows about them.
extension SiteBuilder.CheckedSite {
    /// Every page with its file in the output (`login/signin/index.html`).
    func pages() -> [(path: String, page: SitePage)] {
        var pages: [(path: String, page: SitePage)] = site.config.languages.flatMap { language -> [(path: String, page: SitePage)] in
            let prefix = site.urlPrefix(of: language)
            return [(prefix + "index.html", .home(language)), (prefix + "404.html", .notFound(language)),
                    (prefix + "search/index.html", .search(language))]
        }
        pages += site.categories.enumerated().map { ($1.id + "/index.html", .category($0)) }
        pages += site.sections.enumerated().map { ($1.id + "/index.html", .section($0)) }
        pages += articles.indices.map { (articles[$0].source.urlPath + "index.html", .article($0)) }
        pages += AliasPages.pages(site.articles).map { article, folder in
            (folder + "index.html", .redirect(to: article, depth: folder.split(separator: "/").count))
        }
        return pages
    }

    /// Every other file the build makes, with its path in the output.
    func files() -> [(path: String, file: SiteFile)] {
        var files: [(path: String, file: SiteFile)] = [(SiteLayout.robotsFile, .robots)]
        if site.config.baseURL != nil { files.append((SiteLayout.sitemapFile, .sitemap)) }
        for language in site.config.languages {
            let prefix = site.urlPrefix(of: language)
            files += [(prefix + SiteLayout.feedFile, .feed(language)), (prefix + SiteLayout.llmsFile, .llms(language))]
        }
        files += articles.indices.map { (articles[$0].source.urlPath + SiteLayout.markdownCopyFile, .markdownCopy($0)) }
        return files
    }

    /// A file's text as UTF-8, as it is written; the Markdown copies, one an article, are made so.
    func utf8(of file: SiteFile) -> [UInt8] {
        switch file {
        case .feed(let language): Array(AtomFeed(site: site, language: language).xml().utf8)
        case .llms(let language): LLMsText(site: site, language: language).utf8
        case .robots: Array(RobotsText(site: site).text().utf8)
        case .sitemap: Array((Sitemap(site: site).xml() ?? "").utf8)
        case .markdownCopy(let index):
            MarkdownCopy(source: articles[index].source, markdown: articles[index].markdown, links: articles[index].body.links,
                         baseURL: site.config.baseURL).utf8
        }
    }

    func html(of page: SitePage, renderer: PageRenderer) -> [UInt8] {
        renderer.html(values(of: page, renderer: renderer))
    }

    /// What a page's template is filled with.
    func values(of page: SitePage, renderer: PageRenderer) -> PageValues {
        switch page {
        case .home(let language): renderer.home(language: language)
        case .notFound(let language): renderer.notFound(language: language)
        case .search(let language): renderer.searchPage(language: language)
        case .category(let index): renderer.category(site.categories[index], introduction: introductions[site.categories[index].id]?.body.html)
        case .section(let index): renderer.section(site.sections[index], introduction: introductions[site.sections[index].id]?.body.html)
        case .article(let index): articlePage(index, renderer: renderer)
        case .redirect(let index, let depth): renderer.redirect(to: articles[index].source, fromDepth: depth)
        }
    }
}

private extension SiteBuilder.CheckedSite {
    /// The page of `articles[index]`, with its neighbours in the category (through its sections
    /// in their order), the articles of its section, related articles and backlinks.
    func articlePage(_ index: Int, renderer: PageRenderer) -> PageValues {
        let category = articles[index].source.categoryID
        let previous = index > 0 && articles[index - 1].source.categoryID == category ? index - 1 : nil
        let next = index + 1 < articles.count && articles[index + 1].source.categoryID == category ? index + 1 : nil
        let related = self.related.lists[index].map(\.index)
        // Within the article's language: a link from another language is warned about, not listed.
        let language = articles[index].source.languageFolder
        let backlinks = site.config.backlinks ? graph.backlinks(of: index).filter { articles[$0].source.languageFolder == language } : []
        return renderer.article(articles[index], previous: previous, next: next, siblings: siblings(of: index),
                                related: related, backlinks: backlinks)
    }

    /// The run of the reading order that is the article's section, found from the article
    /// outwards: the cost is the section's size, not the site's.
    func siblings(of index: Int) -> SectionSiblings? {
        let all = site.articles
        guard let sectionID = all[index].sectionID, let section = site.sections.first(where: { $0.id == sectionID }) else { return nil }
        var start = index, end = index + 1
        while start > 0 && all[start - 1].sectionID == sectionID { start -= 1 }
        while end < all.count && all[end].sectionID == sectionID { end += 1 }
        return SectionSiblings(section: section, articles: all[start..<end], position: index - start)
    }
}
