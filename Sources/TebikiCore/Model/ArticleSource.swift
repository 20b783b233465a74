import Foundation

/// An article as read from disk: its front matter and the Markdown still to be parsed.
public struct ArticleSource: Sendable {
    /// Shared between copies: pages, feeds and lists pass sources around by the thousand, and
    /// copying a source's two dozen strings and arrays one by one was 2 % of a 10,000-article build.
    private var fields: SharedValue<Fields>

    public init(id: String, path: String, languageFolder: String?, frontMatter: FrontMatter, markdown: String,
                bodyLineOffset: Int, lastModified: Date?) {
        // Cut at the byte offsets of its `/`s: cut into Characters, an id cost 23,000 instructions
        // to take apart, and split into arrays of UTF-8 views still 3,000.
        let slashes = id.withContiguousUTF8 { bytes in bytes.indices.filter { bytes[$0] == Self.slash } }
        let utf8 = id.utf8
        func text(_ from: Int, _ to: Int) -> String {
            String(id[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
        }
        // The folders (every part but the file's), the language folder not counted.
        let skip = languageFolder == nil ? 0 : 1
        let folders = slashes.count - skip
        func start(_ part: Int) -> Int { part == 0 ? 0 : slashes[part - 1] + 1 }
        let lead = languageFolder.map { $0 + "/" } ?? ""
        let categoryID = lead + (folders >= 1 ? text(start(skip), slashes[skip]) : "")
        let sectionID = folders >= 2 ? lead + text(start(skip), slashes[skip + 1]) : nil
        let fileName = slashes.last.map { text($0 + 1, utf8.count) } ?? id
        fields = SharedValue(Fields(id: id, languageFolder: languageFolder, path: path, categoryID: categoryID, sectionID: sectionID,
                                    frontMatter: frontMatter, markdown: markdown, bodyLineOffset: bodyLineOffset,
                                    lastModified: lastModified, urlPath: "\(sectionID ?? categoryID)/\(frontMatter.slug?.value ?? fileName)/"))
    }

    /// Path under `Articles/` without `.md`, e.g. `login/signin`, or `en/login/signin` for its
    /// English translation; how writers name an article.
    public var id: String { fields.value.id }
    /// The language folder a translation is in (`en`); nil for an article in the default language.
    public var languageFolder: String? { fields.value.languageFolder }
    /// Path from the site folder, for diagnostics, e.g. `Articles/login/signin.md`.
    public var path: String {
        _read { yield fields.value.path }
        _modify { yield &fields.value.path }
    }
    /// The first folder of `id` (after the language folder, which it keeps: `en/login`).
    public var categoryID: String { fields.value.categoryID }
    /// `<category>/<section>` (`en/<category>/<section>`) when the article is in a section's folder, else nil.
    public var sectionID: String? { fields.value.sectionID }
    public var frontMatter: FrontMatter {
        _read { yield fields.value.frontMatter }
        _modify { yield &fields.value.frontMatter }
    }
    public var markdown: String {
        _read { yield fields.value.markdown }
        _modify { yield &fields.value.markdown }
    }
    /// Lines before the Markdown body, so body line N is file line N + bodyLineOffset.
    public var bodyLineOffset: Int {
        _read { yield fields.value.bodyLineOffset }
        _modify { yield &fields.value.bodyLineOffset }
    }
    /// When the file last changed: front matter `lastmod`, else its last commit, else its mtime.
    public var lastModified: Date? {
        _read { yield fields.value.lastModified }
        _modify { yield &fields.value.lastModified }
    }
    /// The site-relative folder of the article's page, e.g. `login/signin/` or
    /// `admin/users/invite/`: its folders and front matter `slug`, else its file name.
    public var urlPath: String { fields.value.urlPath }

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

private extension ArticleSource {
    static let slash = UInt8(ascii: "/")

    struct Fields: Sendable {
        let id: String
        let languageFolder: String?
        var path: String
        let categoryID: String
        let sectionID: String?
        var frontMatter: FrontMatter
        var markdown: String
        var bodyLineOffset: Int
        var lastModified: Date?
        let urlPath: String
    }
}
