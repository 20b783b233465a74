import Foundation

/// An article as read from disk: its front matter and the Markdown still to be parsed.
public struct ArticleSource: Sendable {
    /// Path under `Articles/` without `.md`, e.g. `login/signin`, or `en/login/signin` for its
    /// English translation; how writers name an article.
    public let id: String
    /// The language folder a translation is in (`en`); nil for an article in the default language.
    public let languageFolder: String?
    /// Path from the site folder, for diagnostics, e.g. `Articles/login/signin.md`.
    public var path: String
    /// The first folder of `id` (after the language folder, which it keeps: `en/login`).
    public let categoryID: String
    /// `<category>/<section>` (`en/<category>/<section>`) when the article is in a section's folder, else nil.
    public let sectionID: String?
    public var frontMatter: FrontMatter
    public var markdown: String
    /// Lines before the Markdown body, so body line N is file line N + bodyLineOffset.
    public var bodyLineOffset: Int
    /// When the file last changed: front matter `lastmod`, else its last commit, else its mtime.
    public var lastModified: Date?

    /// The site-relative folder of the article's page, e.g. `login/signin/` or
    /// `admin/users/invite/`: its folders and front matter `slug`, else its file name.
    public let urlPath: String

    public init(id: String, path: String, languageFolder: String?, frontMatter: FrontMatter, markdown: String,
                bodyLineOffset: Int, lastModified: Date?) {
        self.id = id
        self.path = path
        self.languageFolder = languageFolder
        var folders = id.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let lead = languageFolder.map { $0 + "/" } ?? ""
        if languageFolder != nil { folders = folders.dropFirst() }
        categoryID = lead + (folders.first.map(String.init) ?? "")
        sectionID = folders.count >= 2 ? lead + folders.prefix(2).joined(separator: "/") : nil
        self.frontMatter = frontMatter
        self.markdown = markdown
        self.bodyLineOffset = bodyLineOffset
        self.lastModified = lastModified
        let fileName = id.lastIndex(of: "/").map { String(id[id.index(after: $0)...]) } ?? id
        urlPath = "\(sectionID ?? categoryID)/\(frontMatter.slug?.value ?? fileName)/"
    }

    public var title: String { frontMatter.title }
    /// The folder whose articles it is listed and ordered with: its section, else its category.
    public var folderID: String { sectionID ?? categoryID }
    /// How many folders below the site root its page is: 2, or 3 in a section, one more in a
    /// language folder.
    public var pageDepth: Int { (sectionID == nil ? 2 : 3) + (languageFolder == nil ? 0 : 1) }
    /// The path its original and every translation share (`login/signin`): the id without the
    /// language folder.
    public var translationKey: Substring { languageFolder.map { id.dropFirst($0.count + 1) } ?? id[...] }
}
