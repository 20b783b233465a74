/// An HTML page of the site. The build renders every one into the output folder; `tebiki serve`
/// renders one when a browser asks for its path.
enum SitePage: Sendable, Equatable {
    /// Each language has its own, by language code.
    case home(String), notFound(String), search(String)
    /// `site.categories[index]`.
    case category(Int)
    /// `site.sections[index]`.
    case section(Int)
    /// `articles[index]`.
    case article(Int)
    /// An old address of `articles[index]` (front matter `aliases`), `depth` folders below the root.
    case redirect(to: Int, depth: Int)
}

/// A file of the site other than a page or the search index, made from what the build knows.
enum SiteFile: Sendable, Equatable {
    /// By language code.
    case feed(String), llms(String)
    case robots, sitemap
    /// The Markdown copy of `articles[index]`.
    case markdownCopy(Int)
}
