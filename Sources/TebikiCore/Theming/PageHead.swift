/// What a page's `<head>` tells search engines, social networks and feed readers: Open Graph
/// and Twitter cards, the feed, the Markdown copy, `noindex`, and structured data (JSON-LD).
/// Written in Swift, escaped here, and put in the page as `{{{head}}}`.
struct PageHead {
    enum Kind: String { case website, article }

    var kind = Kind.website
    /// The page's own title (nil on the home page, whose title is the site's).
    var title: String?
    var siteTitle: String
    var description: String?
    var language: String
    /// Absolute; nil without a base URL, as `og:url` and `og:image` must be absolute.
    var url: String?
    var image: String?
    /// Relative to the page.
    var feed: String
    var feedTitle: String
    var markdownCopy: String?
    var noindex = false
    /// `application/ld+json` text, already escaped for a script element.
    var structuredData: [UInt8]?

    var utf8: [UInt8] {
        // Made as UTF-8, the fixed parts copied from their literals and values escaped in place:
        // 33 → 28 million instructions for 1,000 pages' heads, against appending to a String.
        var out: [UInt8] = []
        out.reserveCapacity(2048)
        func meta(_ attribute: StaticString, _ name: StaticString, _ content: String?) {
            guard let content else { return }
            out.append("<meta ")
            out.append(attribute)
            out.append("=\"")
            out.append(name)
            out.append("\" content=\"")
            HTMLEscaping.escape(content, into: &out)
            out.append("\">\n")
        }
        if noindex { out.append("<meta name=\"robots\" content=\"noindex\">\n") }
        meta("property", "og:type", kind.rawValue)
        meta("property", "og:title", title ?? siteTitle)
        meta("property", "og:description", description)
        meta("property", "og:site_name", siteTitle)
        meta("property", "og:locale", Self.locale(of: language))
        meta("property", "og:url", url)
        meta("property", "og:image", image)
        meta("name", "twitter:card", image == nil ? "summary" : "summary_large_image")
        meta("name", "twitter:title", title ?? siteTitle)
        meta("name", "twitter:description", description)
        out.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        HTMLEscaping.escape(feedTitle, into: &out)
        out.append("\" href=\"")
        out.append(utf8: HTMLEscaping.escapeURL(feed))
        out.append("\">\n")
        if let markdownCopy {
            out.append("<link rel=\"alternate\" type=\"text/markdown\" href=\"")
            out.append(utf8: HTMLEscaping.escapeURL(markdownCopy))
            out.append("\">\n")
        }
        if let structuredData {
            out.append("<script type=\"application/ld+json\">")
            out.append(contentsOf: structuredData)
            out.append("</script>\n")
        }
        return out
    }

    /// `og:locale` is language_TERRITORY: a language's usual territory when the code has none.
    static func locale(of language: String) -> String {
        let parts = language.split(separator: "-")
        if parts.count > 1, parts[1].count == 2 { return parts[0].lowercased() + "_" + parts[1].uppercased() }
        let base = parts.first.map { $0.lowercased() } ?? language
        return territories[base].map { base + "_" + $0 } ?? base
    }

    static let territories = ["ja": "JP", "en": "US", "zh": "CN", "ko": "KR", "fr": "FR", "de": "DE", "es": "ES", "it": "IT",
                              "pt": "BR", "nl": "NL", "sv": "SE", "da": "DK", "fi": "FI", "nb": "NO", "pl": "PL", "ru": "RU",
                              "th": "TH", "vi": "VN", "id": "ID", "tr": "TR", "uk": "UA", "cs": "CZ", "hu": "HU"]
}
