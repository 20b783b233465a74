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
    /// `site` and `strings` as templates see them, and the feedback form's reasons, by language code.
    let constants: [String: Constants]
    /// Each article's link (`link(to:root:)`) by its position in `site.articles`, for each root
    /// article pages have, when made up front (`cachingArticleLinks()`).
    private var articleLinks: [String: [MustacheValue]] = [:]

    struct Constants: Sendable {
        var site: MustacheValue
        var strings: MustacheValue
        var feedbackReasons: MustacheValue
    }

    public init(site: LoadedSite, theme: Theme) {
        self.site = site
        self.theme = theme
        let strings = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0, site.strings(for: $0)) })
        self.strings = strings
        translations = Translations(site: site)
        constants = strings.reduce(into: [:]) { $0[$1.key] = Self.constants($1.value, site: site, language: $1.key) }
    }

    /// The same renderer with every article's link made once, on all cores, for the roots of
    /// the site's article pages: a page links to about nine other articles (related, backlinks,
    /// previous and next), and at 10,000 articles making each link anew was 2 % of the build.
    /// For a build, which renders every page; a preview renders a few.
    public func cachingArticleLinks() -> PageRenderer {
        var cached = self
        let articles = site.articles
        for root in Set(articles.map { SiteLayout.rootPrefix(depth: $0.pageDepth) }).sorted() {
            cached.articleLinks[root] = parallelMap(articles) { link(to: $0, root: root) }
        }
        return cached
    }

    /// A page's HTML, as UTF-8: its template filled with its values.
    public func html(_ page: PageValues) -> [UInt8] {
        theme.render(page.template, page.values, language: page.language)
    }

    public var siteTitle: String { words(site.config.language).title(site: site.config.title(in: site.config.language)) }

    /// A language's home page, at the site's root for the default language, at `en/` for English.
    public func home(language: String) -> PageValues {
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
        context["head"] = .utf8(head.utf8)
        context["description"] = MustacheValue(site.config.description)
        context["isHome"] = true
        // Positions, not copies of the articles: a copy of each of 10,000 showed in the profile.
        let all = site.articles
        let mine = all.indices.filter { site.language(ofPath: all[$0].id) == language }
        let promoted = mine.filter { all[$0].frontMatter.promoted }
        context["promoted"] = .list(promoted.map { link(to: all[$0], root: root) })
        context["hasPromoted"] = .bool(!promoted.isEmpty)
        let recent = mine.filter { all[$0].lastModified != nil }
            .sortedPrefix(Self.recentArticles) { (all[$0].lastModified!, all[$1].id) > (all[$1].lastModified!, all[$0].id) }
        context["recent"] = .list(recent.map { index in
            let changed = all[index].lastModified!
            return link(to: all[index], root: root, date: ["iso": .string(changed.isoDay), "text": .string(strings.date(changed))])
        })
        context["hasRecent"] = .bool(!recent.isEmpty)
        context["categories"] = .list(site.categories.filter { site.language(ofPath: $0.id) == language }.map { category in
            card(title: category.title, description: category.description, id: category.id, articles: site.articles(in: category),
                 showing: Self.homeArticlesPerCategory, root: root, strings: strings)
        })
        return PageValues(template: "home", language: language, values: context)
    }

    /// A category's page: its own articles, then its sections with their first articles.
    public func category(_ category: Category, introduction: String?) -> PageValues {
        let language = site.language(ofPath: category.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: category.id.split(separator: "/").count)
        var context = common(root: root, canonicalPath: category.id + "/", language: language, key: Translations.key(of: category.id, in: site))
        var head = head(root: root, canonicalPath: category.id + "/", language: language)
        (head.title, head.description) = (category.title, category.description)
        context["head"] = .utf8(head.utf8)
        context["title"] = .string(category.title)
        context["description"] = MustacheValue(category.description)
        context["introduction"] = MustacheValue(introduction)
        context["countText"] = .string(strings.articleCount(site.articles(in: category).count))
        context["articles"] = .list(site.ownArticles(of: category).map { link(to: $0, root: root) })
        context["hasArticles"] = .bool(!site.ownArticles(of: category).isEmpty)
        context["parent"] = .null
        let sections = site.sections(in: category)
        context["hasSections"] = .bool(!sections.isEmpty)
        context["sections"] = .list(sections.map { section in
            card(title: section.title, description: section.description, id: section.id, articles: site.articles(in: section),
                 showing: Self.articlesPerSectionCard, root: root, strings: strings)
        })
        return PageValues(template: "category", language: language, values: context)
    }

    /// A section's page, made with the category page's template: its articles, and its
    /// category as a parent in the breadcrumbs.
    public func section(_ section: Section, introduction: String?) -> PageValues {
        let language = site.language(ofPath: section.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: section.id.split(separator: "/").count)
        var context = common(root: root, canonicalPath: section.id + "/", language: language, key: Translations.key(of: section.id, in: site))
        var head = head(root: root, canonicalPath: section.id + "/", language: language)
        (head.title, head.description) = (section.title, section.description)
        context["head"] = .utf8(head.utf8)
        let articles = site.articles(in: section)
        context["title"] = .string(section.title)
        context["description"] = MustacheValue(section.description)
        context["introduction"] = MustacheValue(introduction)
        context["parent"] = categoryLink(section.categoryID, root: root)
        context["countText"] = .string(strings.articleCount(articles.count))
        context["articles"] = .list(articles.map { link(to: $0, root: root) })
        context["hasArticles"] = .bool(!articles.isEmpty)
        context["hasSections"] = false
        context["sections"] = []
        return PageValues(template: "category", language: language, values: context)
    }

    /// An article page; `previous` and `next` are its neighbours in the category's reading order,
    /// `siblings` the articles of its section. The other articles are named by their position
    /// in `site.articles`.
    public func article(_ article: ParsedArticle, previous: Int?, next: Int?, siblings: SectionSiblings?,
                        related: [Int], backlinks: [Int]) -> PageValues {
        let source = article.source
        let language = site.language(ofPath: source.id)
        let strings = words(language)
        let root = SiteLayout.rootPrefix(depth: source.pageDepth)
        var context = common(root: root, canonicalPath: source.urlPath, language: language, key: String(source.translationKey))
        context["head"] = .utf8(articleHead(article, root: root, language: language, section: siblings?.section).utf8)
        context["editURL"] = MustacheValue(site.config.editURL.map { editURL in
            let path = source.path.dropFirst(SiteLayout.articlesFolder.count + 1)
            return editURL.replacingOccurrences(of: "{path}", with: Self.encode(String(path)))
        })
        context["feedback"] = !site.config.feedback.enabled ? .null : [
            "article": .string(source.id), "language": .string(language), "endpoint": MustacheValue(site.config.feedback.endpoint),
            "reasons": constant(language).feedbackReasons, "support": MustacheValue(site.config.supportURL),
        ]
        context["title"] = .string(source.title)
        context["description"] = MustacheValue(source.frontMatter.description)
        context["category"] = categoryLink(source.categoryID, root: root)
        context["section"] = siblings.map { siblings in [
            "title": .string(siblings.section.title),
            "url": .string(root + Self.encode(siblings.section.id) + "/"),
            "items": .string(Self.sectionItems(siblings, current: source.id, root: root)),
            "hasMore": .bool(siblings.shown.count < siblings.count),
        ] } ?? .null
        context["body"] = .utf8(article.body.htmlUTF8)
        context["tags"] = MustacheValue(source.frontMatter.tags)
        context["hasTags"] = .bool(!source.frontMatter.tags.isEmpty)
        let toc = article.body.tableOfContents
        context["toc"] = .list(toc.count < 2 ? [] : toc.map { entry in
            ["href": .string("#" + HTMLEscaping.percentEncode(entry.id)), "text": .string(entry.text), "level": .number(Double(entry.level))]
        })
        context["readingTime"] = .string(strings.readingTime(words: article.body.wordCount))
        context["lastUpdated"] = source.lastModified.map { ["iso": .string($0.isoDay), "text": .string(strings.date($0))] } ?? .null
        let links = articleLinks[root]
        func articleLink(_ index: Int) -> MustacheValue { links?[index] ?? link(to: site.articles[index], root: root) }
        context["related"] = .list(related.map(articleLink))
        context["hasRelated"] = .bool(!related.isEmpty)
        context["backlinks"] = .list(backlinks.map(articleLink))
        context["hasBacklinks"] = .bool(!backlinks.isEmpty)
        context["hasTOC"] = .bool(toc.count >= 2)
        context["hasAside"] = .bool(toc.count >= 2 || siblings != nil)
        context["hasPager"] = .bool(previous != nil || next != nil)
        context["previous"] = previous.map(articleLink) ?? .null
        context["next"] = next.map(articleLink) ?? .null
        let guide = GuideData.page(article, strings: strings)
        context["guide"] = MustacheValue(guide)
        context["hasTour"] = .bool(guide != nil && !article.guidance.steps.isEmpty)
        return PageValues(template: "article", language: language, values: context)
    }

    /// A language's full search results page, `search/?q=…` (`en/search/?q=…`), which a reader can share.
    public func searchPage(language: String) -> PageValues {
        let prefix = site.urlPrefix(of: language)
        let root = SiteLayout.rootPrefix(depth: prefix.isEmpty ? 1 : 2)
        var context = common(root: root, canonicalPath: prefix + "search/", language: language, key: nil)
        var head = head(root: root, canonicalPath: prefix + "search/", language: language)
        head.title = words(language)["searchTitle"]
        head.noindex = true
        context["head"] = .utf8(head.utf8)
        context["title"] = .string(words(language)["searchTitle"])
        return PageValues(template: "search", language: language, values: context)
    }

    /// Served by the web server at any depth, so it links from the site's base path, not relatively.
    public func notFound(language: String) -> PageValues {
        var context = common(root: site.config.basePath, canonicalPath: nil, language: language, key: nil)
        var head = head(root: site.config.basePath, canonicalPath: nil, language: language)
        head.title = words(language)["notFoundTitle"]
        head.noindex = true
        context["head"] = .utf8(head.utf8)
        context["title"] = .string(words(language)["notFoundTitle"])
        return PageValues(template: "404", language: language, values: context)
    }

    /// A page left at an old address (front matter `aliases`) that sends the reader on.
    public func redirect(to article: ArticleSource, fromDepth depth: Int) -> PageValues {
        let root = SiteLayout.rootPrefix(depth: depth)
        let language = site.language(ofPath: article.id)
        var context = common(root: root, canonicalPath: article.urlPath, language: language, key: nil)
        context["title"] = .string(article.title)
        context["target"] = .string(root + Self.encode(article.urlPath))
        return PageValues(template: "redirect", language: language, values: context)
    }

    static let homeArticlesPerCategory = 5
    static let recentArticles = 5
    static let cardImageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// Whether a destination's file name ends in a raster image's extension, read on its UTF-8:
    /// split as Characters, the destinations took 25 of the 181 million instructions of making
    /// 1,000 articles' page values.
    static func isCardImage(_ destination: String) -> Bool {
        let path = destination.utf8.prefix { $0 != UInt8(ascii: "?") }
        let name = path.reversed().prefix { $0 != UInt8(ascii: ".") }
        guard name.count < path.count, name.count <= 4 else { return false }
        return cardImageExtensions.contains(String(decoding: Array(name.reversed()), as: UTF8.self).lowercased())
    }

    static let articlesPerSectionCard = 5
    /// The most names a page's values have: an article page's.
    static let pageValueCount = PageFields.of("article")?.names.count ?? 0
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
    func common(root: String, canonicalPath: String?, language: String, key: String?) -> MustacheObject {
        let constant = constant(language)
        // Room for an article page's names from the start: grown as they were added, the
        // members were copied several times on every page.
        var context = MustacheObject(minimumCapacity: Self.pageValueCount)
        context["root"] = .string(root)
        context["home"] = .string(root + Self.encode(site.urlPrefix(of: language)))
        context["site"] = constant.site
        context["strings"] = constant.strings
        context["support"] = site.config.supportURL.map { ["url": .string($0)] } ?? .null
        context["hasLanguages"] = false
        context["languages"] = []
        context["alternates"] = .null
        // Named by the shared page start, set by the pages that have them.
        context["title"] = .null
        context["description"] = .null
        context["isHome"] = false
        context["canonical"] = MustacheValue(site.config.baseURL.flatMap { base in canonicalPath.map { base + Self.encode($0) } })
        guard !translations.isEmpty else { return context }
        let versions = translations.versions(of: key ?? "\u{0}")
        // Search engines get the pages that exist; the switcher goes to each language's home
        // where the page has no translation, so it never leads to a missing page.
        if let base = site.config.baseURL, key != nil {
            var alternates: [MustacheValue] = versions.compactMap { version in
                version.urlPath.map { ["hreflang": .string(version.language), "href": .string(base + Self.encode($0))] }
            }
            if alternates.count > 1, let original = versions.first?.urlPath {
                alternates.append(["hreflang": "x-default", "href": .string(base + Self.encode(original))])
                context["alternates"] = .list(alternates)
            }
        }
        context["hasLanguages"] = true
        context["languages"] = .list(versions.map { version in
            let target = version.urlPath ?? site.urlPrefix(of: version.language)
            return ["code": .string(version.language), "name": .string(LanguageCodes.name(of: version.language)),
                    "url": .string(root + Self.encode(target)), "current": .bool(version.language == language)]
        })
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
        let images = article.body.links.lazy.filter { $0.kind == .image }
        // Social networks show raster images only: the first one, when the writer chose none.
        let raster = images.first { Self.isCardImage($0.destination) }
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

    func categoryLink(_ id: String, root: String) -> MustacheValue {
        // Linear: a site has few categories, and a dictionary made per page would cost more.
        let category = site.categories.first { $0.id == id }
        return ["title": .string(category?.title ?? id), "url": .string(root + Self.encode(id) + "/")]
    }

    /// A missing description is null, not left out: Mustache looks a missing key up in the
    /// enclosing objects, so a related article without one would otherwise show the page's own.
    func link(to article: ArticleSource, root: String, date: MustacheValue? = nil) -> MustacheValue {
        var values: MustacheObject = ["title": .string(article.frontMatter.linkTitle ?? article.title),
                                      "url": .string(root + Self.encode(article.urlPath)),
                                      "description": MustacheValue(article.frontMatter.description)]
        values["date"] = date
        return .object(values)
    }

    /// A category on the home page, a section on its category's page: its first articles.
    func card(title: String, description: String?, id: String, articles: ArraySlice<ArticleSource>, showing limit: Int,
              root: String, strings: ThemeStrings) -> MustacheValue {
        ["title": .string(title),
         "description": MustacheValue(description),
         "url": .string(root + Self.encode(id) + "/"),
         "countText": .string(strings.articleCount(articles.count)),
         "articles": .list(articles.prefix(limit).map { link(to: $0, root: root) }),
         "hasMore": .bool(articles.count > limit)]
    }

    /// The values every page of a language shares, made once.
    func constant(_ language: String) -> Constants {
        constants[language] ?? Self.constants(words(language), site: site, language: language)
    }

    static func constants(_ strings: ThemeStrings, site: LoadedSite, language: String) -> Constants {
        Constants(site: ["title": .string(strings.title(site: site.config.title(in: language))), "language": .string(language)],
                  // Every key, so a theme's `{{strings.…}}` finds the same names on every site.
                  strings: .object(MustacheObject(uniqueKeysWithValues: ThemeStrings.templateKeys.map { ($0, .string(strings.all[$0] ?? "")) })),
                  feedbackReasons: MustacheValue(strings.feedbackReasons))
    }

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
