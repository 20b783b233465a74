import Foundation

/// `sitemap.xml` for search engines. It needs absolute URLs, so it is written only when the
/// site has a base URL.
struct Sitemap {
    let site: LoadedSite

    func xml() -> String? {
        guard let base = site.config.baseURL else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func add(_ path: String, _ date: Date?) {
            xml += "  <url><loc>\(HTMLEscaping.escape(base + HTMLEscaping.percentEncode(path)))</loc>"
            if let date { xml += "<lastmod>\(date.isoDay)</lastmod>" }
            xml += "</url>\n"
        }
        add("", site.articles.compactMap(\.lastModified).max())
        for category in site.categories { add(category.id + "/", nil) }
        for section in site.sections { add(section.id + "/", nil) }
        for article in site.articles { add(article.urlPath, article.lastModified) }
        return xml + "</urlset>\n"
    }
}
