import Foundation

/// Everything the build reads from the site folder, before any Markdown is parsed.
public struct LoadedSite: Sendable {
    public var root: URL
    public var config: SiteConfig
    /// In home-page order.
    public var categories: [Category]
    /// Grouped by category in home-page order, then in reading order within each category.
    public var articles: [ArticleSource]
    /// Grouped by category in home-page order, then in the order of the category's page.
    public var sections: [Section] = []
    /// Files under `Articles/` that are not articles (images and the like), as paths under `Articles/`.
    public var assets: Set<String>
    /// Markdown files in `_`-prefixed folders (`Articles/_snippets/`), which articles include
    /// and which are never pages of their own, by path from the site folder.
    public var snippets: [String: String] = [:]
    /// `index.md` (Hugo's `_index.md`) of each category or section that has one, by the folder's
    /// id (`admin`, `admin/users`): shown at the top of its page, as VitePress and Docusaurus
    /// show a folder's index page. Not an article.
    public var introductions: [String: ArticleSource] = [:]
    /// Groups of words search treats as one, from `Articles/_synonyms.yml` (a translation's
    /// from `Articles/<code>/_synonyms.yml`), by language code.
    public var synonyms: [String: [[String]]] = [:]
    /// Terms explained where they are first used, from `Articles/_glossary.yml` (a
    /// translation's from `Articles/<code>/_glossary.yml`), by language code.
    public var glossary: [String: [GlossaryEntry]] = [:]
    /// Files of `Static/`, copied as they are to the root of the output, as paths under it.
    public var staticFiles: [String] = []
    /// SVG files under `Articles/` that could run code when opened, with what was found.
    public var unsafeImages: [String: String] = [:]
    /// The size of each image under `Articles/` whose header says it, by path there.
    public var imageSizes: [String: ImageSize] = [:]
    /// Articles left out by their `publishDate` or `expiryDate`, by id, with the reason: links to
    /// them become plain text, with a warning, so a site that built yesterday builds today.
    public var unpublished: [String: String] = [:]
    /// The theme's words for languages it gives them for (`strings/<code>.yml`), by language code.
    public var themeWords: [String: [String: String]] = [:]

    /// All of a category's articles, its sections' included: its own first, then each section's.
    public func articles(in category: Category) -> ArraySlice<ArticleSource> {
        slice(of: articles) { $0.categoryID == category.id }
    }

    /// The articles directly in a category's folder, outside its sections.
    public func ownArticles(of category: Category) -> ArraySlice<ArticleSource> {
        articles(in: category).prefix { $0.sectionID == nil }
    }

    public func articles(in section: Section) -> ArraySlice<ArticleSource> {
        slice(of: articles) { $0.sectionID == section.id }
    }

    public func sections(in category: Category) -> ArraySlice<Section> {
        slice(of: sections) { $0.categoryID == category.id }
    }
}

extension LoadedSite {
    /// The language folder (`en`) that a path under `Articles/` or a site-relative URL path is
    /// in; nil in the default language.
    public func languageFolder(ofPath path: String) -> String? {
        guard config.languages.count > 1, let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) ?? (path.isEmpty ? nil : path.endIndex)
        else { return nil }
        let first = String(path[..<slash])
        return config.translationLanguages.contains(first) ? first : nil
    }

    /// The language code of a path: its language folder, else the default language.
    public func language(ofPath path: String) -> String { languageFolder(ofPath: path) ?? config.language }

    /// The theme's words in a language, with the site's own (`words:` in `tebiki.yml`) over them.
    public func strings(for language: String) -> ThemeStrings {
        let site = config.words[language] ?? [:]
        let words = site.isEmpty ? themeWords[language] : (themeWords[language] ?? [:]).merging(site) { _, ours in ours }
        return ThemeStrings(language: language, words: words)
    }

    /// `en/` for a language folder, `""` for the default language.
    public func urlPrefix(of language: String) -> String { language == config.language ? "" : language + "/" }
}

private extension LoadedSite {
    /// The run of elements that `belongs` picks out of a list grouped that way.
    func slice<Element>(of list: [Element], where belongs: (Element) -> Bool) -> ArraySlice<Element> {
        guard let first = list.firstIndex(where: belongs) else { return [] }
        let end = list[first...].firstIndex(where: { !belongs($0) }) ?? list.endIndex
        return list[first..<end]
    }
}
