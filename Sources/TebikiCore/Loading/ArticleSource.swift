import Foundation

/// An article as read from disk: its front matter and the Markdown still to be parsed.
public struct ArticleSource: Sendable {
    /// Path under `Articles/` without `.md`, e.g. `login/signin`; how writers name an article.
    public var id: String
    /// Path from the site folder, for diagnostics, e.g. `Articles/login/signin.md`.
    public var path: String
    public var categoryID: String
    public var frontMatter: FrontMatter
    public var markdown: String
    /// Lines before the Markdown body, so body line N is file line N + bodyLineOffset.
    public var bodyLineOffset: Int
    /// When the file last changed: front matter `lastmod`, else its last commit, else its mtime.
    public var lastModified: Date?

    /// The URL segment: front matter `slug`, else the file name.
    public var slug: String { frontMatter.slug ?? String(id.split(separator: "/").last ?? "") }
    /// The site-relative folder of the article's page, e.g. `login/signin/`.
    public var urlPath: String { "\(categoryID)/\(slug)/" }
    public var title: String { frontMatter.title }
}
