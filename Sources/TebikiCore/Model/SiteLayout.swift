/// Where things are in a site folder and in its output: each name defined once, for the
/// build, `tebiki new` and the preview server alike.
public enum SiteLayout {
    /// File extensions of the images an article shows (`![…](…)`), which get sizes and must be used.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    public static let configFile = "tebiki.yml"
    public static let articlesFolder = "Articles"
    public static let themesFolder = "Themes"
    /// Files a host needs beside the site (`CNAME`, `.well-known/`, `_headers`, `_redirects`),
    /// published as they are; hidden files included.
    public static let staticFolder = "Static"
    /// What `tebiki serve` watches at the top of the site folder.
    public static let sources: Set<String> = [configFile, articlesFolder, themesFolder, staticFolder]

    /// Where the preview server keeps its reload script and event stream.
    public static let previewFolder = "__tebiki"
    /// Folders of the output that hold the site's own files (the theme's assets, the search
    /// page and index, the product widget, and in `tebiki serve` the live-reload script): no
    /// category, image folder or alias may use them.
    public static let reservedFolders: Set<String> = ["assets", "search", "widget", previewFolder]
    static let sitemapFile = "sitemap.xml"
    static let feedFile = "feed.xml"
    static let robotsFile = "robots.txt"
    static let llmsFile = "llms.txt"
    /// Each article's Markdown copy, beside its page's `index.html`.
    static let markdownCopyFile = "index.md"
    /// Files every build writes at the root of the output.
    static let rootFiles: Set<String> = ["index.html", "404.html", sitemapFile, feedFile, robotsFile, llmsFile]

    /// The relative path from a page `depth` folders below the root back to it: `./`, `../`, `../../`…
    static func rootPrefix(depth: Int) -> String {
        depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
