import Foundation

/// `feed.xml` (`en/feed.xml`): an Atom feed of a language's 30 most recently updated articles,
/// for feed readers and for teams that post updates to chat. Without a base URL its links are
/// relative to the feed, which readers resolve, and its ids are URNs made from the paths.
struct AtomFeed {
    let site: LoadedSite
    let language: String

    static let limit = 30

    func xml() -> String {
        let prefix = site.urlPrefix(of: language)
        let articles = site.articles.filter { site.language(ofPath: $0.id) == language && Self.updated($0) != nil }
            .sortedPrefix(Self.limit) { (Self.updated($0)!, $1.id) > (Self.updated($1)!, $0.id) }
        let strings = site.strings(for: language)
        let title = strings.title(site: site.config.title(in: language))
        // Entry links are from the feed's folder, the language's home.
        func link(_ urlPath: String) -> String {
            let relative = HTMLEscaping.percentEncode(String(urlPath.dropFirst(prefix.count)))
            return site.config.baseURL.map { $0 + HTMLEscaping.percentEncode(prefix) + relative } ?? (relative.isEmpty ? "./" : relative)
        }
        func id(_ urlPath: String) -> String {
            site.config.baseURL.map { $0 + HTMLEscaping.percentEncode(urlPath) } ?? "urn:tebiki:" + HTMLEscaping.percentEncode(urlPath.isEmpty ? "home" : urlPath)
        }
        let newest = articles.first.flatMap(Self.updated) ?? Date(timeIntervalSince1970: 0)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(language))\">\n"
        xml += "  <title>\(escape(title))</title>\n"
        if let description = site.config.description { xml += "  <subtitle>\(escape(description))</subtitle>\n" }
        xml += "  <id>\(escape(id(prefix)))</id>\n  <updated>\(newest.isoTimestamp)</updated>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link(prefix)))\"/>\n"
        if let base = site.config.baseURL {
            xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(base + HTMLEscaping.percentEncode(prefix) + SiteLayout.feedFile))\"/>\n"
        }
        xml += "  <author><name>\(escape(title))</name></author>\n  <generator>Tebiki</generator>\n"
        for article in articles {
            xml += "  <entry>\n    <title>\(escape(article.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link(article.urlPath)))\"/>\n"
            xml += "    <id>\(escape(id(article.urlPath)))</id>\n    <updated>\(Self.updated(article)!.isoTimestamp)</updated>\n"
            if let published = article.frontMatter.date { xml += "    <published>\(published.isoTimestamp)</published>\n" }
            if let summary = article.frontMatter.description { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}

private extension AtomFeed {
    static func updated(_ article: ArticleSource) -> Date? { article.lastModified ?? article.frontMatter.date }

    func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
