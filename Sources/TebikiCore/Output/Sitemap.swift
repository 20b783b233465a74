import Foundation

/// `sitemap.xml` for search engines. It needs absolute URLs, so it is written only when the
/// site has a base URL. With several languages each page lists its translations, itself
/// included, and the original as `x-default`, as search engines read `hreflang`.
struct Sitemap {
    let site: LoadedSite

    func xml() -> String? {
        guard let base = site.config.baseURL else { return nil }
        let translations = Translations(site: site)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (translations.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"") + ">\n"
        func url(_ path: String) -> String { HTMLEscaping.escape(base + HTMLEscaping.percentEncode(path)) }
        func add(_ path: String, _ date: Date?, id: String) {
            xml += "  <url><loc>\(url(path))</loc>"
            if let date { xml += "<lastmod>\(date.isoDay)</lastmod>" }
            let versions = translations.isEmpty ? [] : translations.versions(of: Translations.key(of: id, in: site)).filter { $0.urlPath != nil }
            if versions.count > 1 {
                for version in versions {
                    xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(version.language)\" href=\"\(url(version.urlPath!))\"/>"
                }
                xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(url(versions[0].urlPath!))\"/>\n  "
            }
            xml += "</url>\n"
        }
        for language in site.config.languages {
            let prefix = site.urlPrefix(of: language)
            let dates = site.articles.filter { site.language(ofPath: $0.id) == language }.compactMap(\.lastModified)
            add(prefix, dates.max(), id: prefix)
        }
        for category in site.categories { add(category.id + "/", nil, id: category.id) }
        for section in site.sections { add(section.id + "/", nil, id: section.id) }
        for article in site.articles { add(article.urlPath, article.lastModified, id: article.id) }
        return xml + "</urlset>\n"
    }
}
