import Foundation

/// Stage 6: fills the theme's templates. Every URL in a page is relative (`root` climbs to the
/// site root, `home` to the home page of the page's language), so the output works at a domain
/// root, under a sub-path and from disk.
public struct PageRenderer: Sendable {
    let site: LoadedSite
    let theme: Theme
    /// By language code.
    let strings: [String: ThemeStrings]
    let translations: Translations

    public init(site: LoadedSite, theme: Theme) {
        self.site = site
        self.theme = theme
        strings = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0, site.strings(for: $0)) })
        translations = Translations(site: site)
    }

    public var siteTitle: String { words(site.config.language).title(site: site.config.title(in: site.config.language)) }

    /// A language's home page, at the site's root for the default language, at `en/` for English.
    public func home(language: String) -> String {
        let prefix = site.urlPrefix(of: language)
        let root = SiteLayout.rootPrefix(depth: prefix.isEmpty ? 0 : 1)
        let strings = words(language)
        var context = common(root: root, canonicalPath: prefix, language: language, key: "")
        var head = head(root: root, canonicalPath: prefix, language: language)
        head.title = nil
        head.description = site.config.description
        let base = site.config.baseURL.map { $0 + Self.encode(prefix) }
        head.structuredData = StructuredData.website(name: head.siteTitle, description: site.config.description, url: base, language: language,
                                                     search: (base ?? root + Self.encode(prefix)) + "search/?q={search_term_string}")
        context["head"] = head.html
        context["description"] = site.config.description
        context["isHome"] = true
        let mine = site.articles.filter { site.language(ofPath: $0.id) == language }
        let promoted = mine.filter(\.frontMatter.promoted)
        context["promoted"] = promoted.map { link(to: $0, root: root) }
        context["hasPromoted"] = !promoted.isEmpty
        let recent = mine.filter { $0.lastModified != nil }.sorted { ($0.lastModified!, $1.id) > ($1.lastModified!, $0.id) }
            .prefix(Self.recentArticles)
        context["recent"] = recent.map { article -> [String: Any] in
            var values = link(to: article, root: root)
            values["date"] = ["iso": article.lastModified!.isoDay, "text": strings.date(article.lastModified!)]
            return values
        }
        context["hasRecent"] = !recent.isEmpty
        context["categories"] = site.categories.filter { site.language(ofPath: $0.id) == language }.map { category -> [String: Any] in
            let articles = site.articles(in: category)
            return Self.values([
                "title": category.title,
                "description": category.description,
                "url": root + Self.encode(category.id) + "/",
                "countText": strings.articleCount(articles.count),
                "articles": articles.prefix(Self.homeArticlesPerCategory).map { link(to: $0, root: root) },
                "hasMore": articles.count > Self.homeArticlesPerCategory,
            ])
        }
        return theme.render("home", context, language: language)
    }

    /// A category's page: its own articles, then its sections with their first articles.
    public func category(_ category: Category, introduction: String?) -> String {
        let language = site.language(ofPath: category.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: category.id.split(separator: "/").count)
        var context = common(root: root, canonicalPath: category.id + "/", language: language, key: Translations.key(of: category.id, in: site))
        var head = head(root: root, canonicalPath: category.id + "/", language: language)
        (head.title, head.description) = (category.title, category.description)
        context["head"] = head.html
        context["title"] = category.title
        context["description"] = category.description
        context["introduction"] = introduction
        context["countText"] = strings.articleCount(site.articles(in: category).count)
        context["articles"] = site.ownArticles(of: category).map { link(to: $0, root: root) }
        context["hasArticles"] = !site.ownArticles(of: category).isEmpty
        let sections = site.sections(in: category)
        context["hasSections"] = !sections.isEmpty
        context["sections"] = sections.map { section -> [String: Any] in
            let articles = site.articles(in: section)
            return Self.values([
                "title": section.title,
                "description": section.description,
                "url": root + Self.encode(section.id) + "/",
                "countText": strings.articleCount(articles.count),
                "articles": articles.prefix(Self.articlesPerSectionCard).map { link(to: $0, root: root) },
                "hasMore": articles.count > Self.articlesPerSectionCard,
            ])
        }
        return theme.render("category", context, language: language)
    }

    /// A section's page, made with the category page's template: its articles, and its
    /// category as a parent in the breadcrumbs.
    public func section(_ section: Section, introduction: String?) -> String {
        let language = site.language(ofPath: section.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: section.id.split(separator: "/").count)
        var context = common(root: root, canonicalPath: section.id + "/", language: language, key: Translations.key(of: section.id, in: site))
        var head = head(root: root, canonicalPath: section.id + "/", language: language)
        (head.title, head.description) = (section.title, section.description)
        context["head"] = head.html
        let articles = site.articles(in: section)
        context["title"] = section.title
        context["description"] = section.description
        context["introduction"] = introduction
        context["parent"] = categoryLink(section.categoryID, root: root)
        context["countText"] = strings.articleCount(articles.count)
        context["articles"] = articles.map { link(to: $0, root: root) }
        context["hasArticles"] = !articles.isEmpty
        context["hasSections"] = false
        return theme.render("category", context, language: language)
    }

    /// An article page; `previous` and `next` are its neighbours in the category's reading order,
    /// `siblings` the articles of its section.
    public func article(_ article: ParsedArticle, previous: ArticleSource?, next: ArticleSource?, siblings: SectionSiblings?,
                        related: [ArticleSource], backlinks: [ArticleSource]) -> String {
        let source = article.source
        let language = site.language(ofPath: source.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: source.pageDepth)
        var context = common(root: root, canonicalPath: source.urlPath, language: language, key: String(source.translationKey))
        context["head"] = articleHead(article, root: root, language: language, section: siblings?.section).html
        if let editURL = site.config.editURL {
            let path = source.path.dropFirst(SiteLayout.articlesFolder.count + 1)
            context["editURL"] = editURL.replacingOccurrences(of: "{path}", with: Self.encode(String(path)))
        }
        if site.config.feedback.enabled {
            context["feedback"] = Self.values([
                "article": source.id, "language": language, "endpoint": site.config.feedback.endpoint,
                "reasons": strings.feedbackReasons, "support": site.config.supportURL,
            ])
        }
        context["title"] = source.title
        context["description"] = source.frontMatter.description
        context["category"] = categoryLink(source.categoryID, root: root)
        if let siblings {
            context["section"] = Self.values([
                "title": siblings.section.title,
                "url": root + Self.encode(siblings.section.id) + "/",
                "items": Self.sectionItems(siblings, current: source.id, root: root),
                "hasMore": siblings.shown.count < siblings.count,
            ])
        }
        context["body"] = article.body.html
        context["tags"] = source.frontMatter.tags
        context["hasTags"] = !source.frontMatter.tags.isEmpty
        let toc = article.body.tableOfContents
        context["toc"] = toc.count >= 2 ? toc.map { ["href": "#" + HTMLEscaping.percentEncode($0.id), "text": $0.text, "level": $0.level] } : []
        context["readingTime"] = strings.readingTime(words: article.body.wordCount)
        if let modified = source.lastModified {
            context["lastUpdated"] = ["iso": modified.isoDay, "text": strings.date(modified)]
        }
        context["related"] = related.map { link(to: $0, root: root) }
        context["hasRelated"] = !related.isEmpty
        context["backlinks"] = backlinks.map { link(to: $0, root: root) }
        context["hasBacklinks"] = !backlinks.isEmpty
        context["hasTOC"] = toc.count >= 2
        context["hasAside"] = toc.count >= 2 || siblings != nil
        context["hasPager"] = previous != nil || next != nil
        context["previous"] = previous.map { link(to: $0, root: root) }
        context["next"] = next.map { link(to: $0, root: root) }
        if let guide = GuideData.page(article, strings: strings) {
            context["guide"] = guide
            context["hasTour"] = !article.guidance.steps.isEmpty
        }
        return theme.render("article", context, language: language)
    }

    /// A language's full search results page, `search/?q=…` (`en/search/?q=…`), which a reader can share.
    public func searchPage(language: String) -> String {
        let prefix = site.urlPrefix(of: language)
        let root = SiteLayout.rootPrefix(depth: prefix.isEmpty ? 1 : 2)
        var context = common(root: root, canonicalPath: prefix + "search/", language: language, key: nil)
        var head = head(root: root, canonicalPath: prefix + "search/", language: language)
        head.title = words(language)["searchTitle"]
        head.noindex = true
        context["head"] = head.html
        context["title"] = words(language)["searchTitle"]
        return theme.render("search", context, language: language)
    }

    /// Served by the web server at any depth, so it links from the site's base path, not relatively.
    public func notFound(language: String) -> String {
        var context = common(root: site.config.basePath, canonicalPath: nil, language: language, key: nil)
        var head = head(root: site.config.basePath, canonicalPath: nil, language: language)
        head.title = words(language)["notFoundTitle"]
        head.noindex = true
        context["head"] = head.html
        context["title"] = words(language)["notFoundTitle"]
        return theme.render("404", context, language: language)
    }

    /// A page left at an old address (front matter `aliases`) that sends the reader on.
    public func redirect(to article: ArticleSource, fromDepth depth: Int) -> String {
        let root = SiteLayout.rootPrefix(depth: depth)
        let language = site.language(ofPath: article.id)
        var context = common(root: root, canonicalPath: article.urlPath, language: language, key: nil)
        context["title"] = article.title
        context["target"] = root + Self.encode(article.urlPath)
        return theme.render("redirect", context, language: language)
    }

    static let homeArticlesPerCategory = 5
    static let recentArticles = 5
    static let cardImageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]
    static let articlesPerSectionCard = 5
}

/// The articles of an article's section that its page lists beside it: a window of the
/// section's reading order around the article, so a section of 200 does not add 200 links to
/// each of its pages.
public struct SectionSiblings: Sendable {
    public var section: Section
    public var shown: ArraySlice<ArticleSource>
    /// How many articles the section has.
    public var count: Int

    static let limit = 10

    /// `articles` is the section's run of the site's reading order; `position` the article's place in it.
    init(section: Section, articles: ArraySlice<ArticleSource>, position: Int) {
        self.section = section
        count = articles.count
        let start = max(0, min(position - Self.limit / 2, articles.count - Self.limit))
        let from = articles.index(articles.startIndex, offsetBy: start)
        shown = articles[from..<min(articles.endIndex, from + Self.limit)]
    }
}

private extension PageRenderer {
    func words(_ language: String) -> ThemeStrings { strings[language] ?? ThemeStrings(language: language) }

    /// What every page has; `key` names the page among its translations (nil: none, as the
    /// search page and the 404 page, whose switcher goes to each language's home).
    func common(root: String, canonicalPath: String?, language: String, key: String?) -> [String: Any] {
        let strings = words(language)
        var context: [String: Any] = [
            "root": root,
            "home": root + Self.encode(site.urlPrefix(of: language)),
            "site": ["title": strings.title(site: site.config.title(in: language)), "language": language],
            "strings": strings.all,
        ]
        if let base = site.config.baseURL, let canonicalPath {
            context["canonical"] = base + Self.encode(canonicalPath)
        }
        if let support = site.config.supportURL { context["support"] = ["url": support] }
        guard !translations.isEmpty else { return context }
        let versions = translations.versions(of: key ?? "\u{0}")
        // Search engines get the pages that exist; the switcher goes to each language's home
        // where the page has no translation, so it never leads to a missing page.
        if let base = site.config.baseURL, key != nil {
            var alternates = versions.compactMap { version in
                version.urlPath.map { ["hreflang": version.language, "href": base + Self.encode($0)] }
            }
            if alternates.count > 1, let original = versions.first?.urlPath {
                alternates.append(["hreflang": "x-default", "href": base + Self.encode(original)])
                context["alternates"] = alternates
            }
        }
        context["hasLanguages"] = true
        context["languages"] = versions.map { version -> [String: Any] in
            let target = version.urlPath ?? site.urlPrefix(of: version.language)
            return ["code": version.language, "name": LanguageCodes.name(of: version.language),
                    "url": root + Self.encode(target), "current": version.language == language]
        }
        return context
    }

    /// What every page's head says; each page sets its own title, description and kind.
    func head(root: String, canonicalPath: String?, language: String) -> PageHead {
        let strings = words(language)
        let siteTitle = strings.title(site: site.config.title(in: language))
        return PageHead(siteTitle: siteTitle, language: language,
                        url: site.config.baseURL.flatMap { base in canonicalPath.map { base + Self.encode($0) } },
                        image: absoluteURL(ofSiteFile: site.config.image), feed: root + Self.encode(site.urlPrefix(of: language)) + SiteLayout.feedFile,
                        feedTitle: siteTitle + " – " + strings["feed"])
    }

    func articleHead(_ article: ParsedArticle, root: String, language: String, section: Section?) -> PageHead {
        let source = article.source
        var head = head(root: root, canonicalPath: source.urlPath, language: language)
        head.kind = .article
        head.title = source.title
        head.description = source.frontMatter.description
        head.markdownCopy = SiteLayout.markdownCopyFile
        head.noindex = source.frontMatter.draft || source.frontMatter.unpublishedReason(at: Date()) != nil
        if let image = socialImage(of: article) { head.image = image }
        let base = site.config.baseURL
        let category = site.categories.first { $0.id == source.categoryID }
        var crumbs: [(name: String, url: String?)] = [(words(language)["home"], base.map { $0 + Self.encode(site.urlPrefix(of: language)) })]
        crumbs.append((category?.title ?? source.categoryID, base.map { $0 + Self.encode(source.categoryID) + "/" }))
        if let section { crumbs.append((section.title, base.map { $0 + Self.encode(section.id) + "/" })) }
        crumbs.append((source.title, head.url))
        head.structuredData = StructuredData.article(headline: source.title, description: source.frontMatter.description,
                                                     published: source.frontMatter.date?.isoDay, modified: source.lastModified?.isoDay,
                                                     language: language, url: head.url, image: head.image, crumbs: crumbs)
        return head
    }

    /// The article's `image:`, else its first image, as an absolute URL; nil without a base URL
    /// (for an image of the site) or when it has neither.
    func socialImage(of article: ParsedArticle) -> String? {
        let images = article.body.links.filter { $0.kind == .image }
        // Social networks show raster images only: the first one, when the writer chose none.
        let raster = images.first { link in
            Self.cardImageExtensions.contains(link.destination.split(separator: "?")[0].split(separator: ".").last.map { $0.lowercased() } ?? "")
        }
        let chosen = article.source.frontMatter.image.flatMap { image in images.last { $0.location == image.location } } ?? raster
        switch chosen?.target {
        case .asset(let path)?: return absoluteURL(ofSiteFile: path)
        case .external? where chosen!.destination.lowercased().hasPrefix("https://") || chosen!.destination.lowercased().hasPrefix("http://"):
            return chosen!.destination
        default: return nil
        }
    }

    /// A path in the published site as an absolute URL; an absolute URL as it is.
    func absoluteURL(ofSiteFile path: String?) -> String? {
        guard let path else { return nil }
        if URLScheme.of(path) != nil { return path }
        return site.config.baseURL.map { $0 + Self.encode(path) }
    }

    func categoryLink(_ id: String, root: String) -> [String: Any] {
        // Linear: a site has few categories, and a dictionary made per page would cost more.
        let category = site.categories.first { $0.id == id }
        return ["title": category?.title ?? id, "url": root + Self.encode(id) + "/"]
    }

    func link(to article: ArticleSource, root: String) -> [String: Any] {
        Self.values(["title": article.frontMatter.linkTitle ?? article.title,
                     "url": root + Self.encode(article.urlPath),
                     "description": article.frontMatter.description])
    }

    /// Missing values become `false`: Mustache looks a missing key up in the enclosing objects,
    /// so a related article without a description would otherwise show the page's own.
    static func values(_ dictionary: [String: Any?]) -> [String: Any] { dictionary.mapValues { $0 ?? false } }

    static func encode(_ path: String) -> String { HTMLEscaping.percentEncode(path) }

    /// The `<li>`s of the section's list beside an article, the article itself marked: made
    /// here rather than in the template, because at ten links on each of 10,000 pages the
    /// template engine's lookups made a sectioned site build a third slower than a flat one.
    static func sectionItems(_ siblings: SectionSiblings, current: String, root: String) -> String {
        var html = ""
        for sibling in siblings.shown {
            html += "<li><a href=\""
            html += HTMLEscaping.escapeURL(root + encode(sibling.urlPath))
            html += sibling.id == current ? "\" aria-current=\"page\">" : "\">"
            html += HTMLEscaping.escape(sibling.frontMatter.linkTitle ?? sibling.title)
            html += "</a></li>\n"
        }
        return html
    }
}
