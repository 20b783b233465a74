/// JSON-LD for search engines: `Article` and `BreadcrumbList` on article pages, `WebSite` with a
/// `SearchAction` on home pages. Every value goes through `JSONText`, which escapes `<`, `>`,
/// `&`, U+2028 and U+2029, so a title can never end the script element it is in.
enum StructuredData {
    /// `crumbs`: names and absolute URLs (nil without a base URL) from the home page to the article.
    static func article(headline: String, description: String?, published: String?, modified: String?, language: String,
                        url: String?, image: String?, crumbs: [(name: String, url: String?)]) -> String {
        var article: [(String, String)] = [("@type", string("Article")), ("headline", string(headline)), ("inLanguage", string(language))]
        if let description { article.append(("description", string(description))) }
        if let published { article.append(("datePublished", string(published))) }
        if let modified { article.append(("dateModified", string(modified))) }
        if let url { article.append(("url", string(url))); article.append(("mainEntityOfPage", string(url))) }
        if let image { article.append(("image", string(image))) }
        let items = crumbs.enumerated().map { position, crumb in
            var item = [("@type", string("ListItem")), ("position", String(position + 1)), ("name", string(crumb.name))]
            if let url = crumb.url { item.append(("item", string(url))) }
            return object(item)
        }
        let breadcrumbs = [context, ("@type", string("BreadcrumbList")), ("itemListElement", "[" + items.joined(separator: ",") + "]")]
        return "[" + object([context] + article) + "," + object(breadcrumbs) + "]"
    }

    /// `search`: the results page's address with `{search_term_string}` where the query goes.
    static func website(name: String, description: String?, url: String?, language: String, search: String) -> String {
        var site: [(String, String)] = [context, ("@type", string("WebSite")), ("name", string(name)),
                                        ("inLanguage", string(language))]
        if let description { site.append(("description", string(description))) }
        if let url { site.append(("url", string(url))) }
        site.append(("potentialAction", object([("@type", string("SearchAction")), ("target", string(search)),
                                                ("query-input", string("required name=search_term_string"))])))
        return object(site)
    }
}

private extension StructuredData {
    static let context = ("@context", JSONText.string("https://schema.org"))

    static func string(_ text: String) -> String { JSONText.string(text) }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
