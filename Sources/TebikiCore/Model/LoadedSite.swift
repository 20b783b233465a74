import Foundation

/// Everything the build reads from the site folder, before any Markdown is parsed.
public struct LoadedSite: Sendable {
    public var root: URL
    public var config: SiteConfig
    /// In home-page order.
    public var categories: [Category]
    /// Grouped by category in home-page order, then in reading order within each category.
    public var articles: [ArticleSource]
    /// Files under `Articles/` that are not articles (images and the like), as paths under `Articles/`.
    public var assets: Set<String>
    /// Markdown files in `_`-prefixed folders (`Articles/_snippets/`), which articles include
    /// and which are never pages of their own, by path from the site folder.
    public var snippets: [String: String] = [:]
    /// `index.md` (Hugo's `_index.md`) of each category that has one, by category id: shown at
    /// the top of the category's page, as VitePress and Docusaurus show a folder's index page.
    /// Not an article.
    public var introductions: [String: ArticleSource] = [:]
    /// Groups of words search treats as one, from `Articles/_synonyms.yml`.
    public var synonyms: [[String]] = []
    /// Terms explained where they are first used, from `Articles/_glossary.yml`.
    public var glossary: [GlossaryEntry] = []
    /// Files of `Static/`, copied as they are to the root of the output, as paths under it.
    public var staticFiles: [String] = []
    /// SVG files under `Articles/` that could run code when opened, with what was found.
    public var unsafeImages: [String: String] = [:]
    /// The size of each image under `Articles/` whose header says it, by path there.
    public var imageSizes: [String: ImageSize] = [:]

    public func articles(in category: Category) -> ArraySlice<ArticleSource> {
        guard let first = articles.firstIndex(where: { $0.categoryID == category.id }) else { return [] }
        let end = articles[first...].firstIndex(where: { $0.categoryID != category.id }) ?? articles.endIndex
        return articles[first..<end]
    }
}
