/// JSON-LD for search engines: `Article` and `BreadcrumbList` on article pages, `WebSite` with a
/// `SearchAction` on home pages. Every value goes through `JSONText`, which escapes `<`, `>`,
/// `&`, U+2028 and U+2029, so a title can never end the script element it is in.
enum StructuredData {
    /// `crumbs`: names and absolute URLs (nil without a base URL) from the home page to the article.
    static func article(headline: String, description: String?, published: String?, modified: String?, language: String,
                        url: String?, image: String?, crumbs: [(name: String, url: String?)]) -> [UInt8] {
        var json = Writer()
        json.write("[")
        json.open(schema: "Article")
        json.member("headline", headline)
        json.member("inLanguage", language)
        if let description { json.member("description", description) }
        if let published { json.member("datePublished", published) }
        if let modified { json.member("dateModified", modified) }
        if let url {
            json.member("url", url)
            json.member("mainEntityOfPage", url)
        }
        if let image { json.member("image", image) }
        json.close()
        json.open(schema: "BreadcrumbList")
        json.key("itemListElement")
        json.write("[")
        for (position, crumb) in crumbs.enumerated() {
            json.open()
            json.member("@type", "ListItem")
            json.key("position")
            json.bytes.append(utf8: String(position + 1))
            json.member("name", crumb.name)
            if let url = crumb.url { json.member("item", url) }
            json.close()
        }
        json.write("]")
        json.close()
        json.write("]")
        return json.bytes
    }

    /// `search`: the results page's address with `{search_term_string}` where the query goes.
    static func website(name: String, description: String?, url: String?, language: String, search: String) -> [UInt8] {
        var json = Writer()
        json.open(schema: "WebSite")
        json.member("name", name)
        json.member("inLanguage", language)
        if let description { json.member("description", description) }
        if let url { json.member("url", url) }
        json.key("potentialAction")
        json.open()
        json.member("@type", "SearchAction")
        json.member("target", search)
        json.member("query-input", "required name=search_term_string")
        json.close()
        json.close()
        return json.bytes
    }
}

private extension StructuredData {
    /// Writes JSON into one buffer, with a comma before each member or item that follows
    /// another: an article page's data was dozens of small strings joined. Keys and fixed
    /// parts are literals, copied where they are.
    struct Writer {
        var bytes: [UInt8] = []

        /// Keys are Tebiki's own and need no escape.
        mutating func key(_ name: StaticString) {
            separate()
            bytes.append(0x22)
            bytes.append(name)
            bytes.append("\":")
        }

        mutating func member(_ name: StaticString, _ value: String) {
            key(name)
            bytes.append(0x22)
            JSONText.append(value, to: &bytes)
            bytes.append(0x22)
        }

        mutating func open() {
            separate()
            bytes.append(UInt8(ascii: "{"))
        }

        /// A top-level object: schema.org's context and the object's type.
        mutating func open(schema type: StaticString) {
            open()
            member("@context", "https://schema.org")
            key("@type")
            bytes.append(0x22)
            bytes.append(type)
            bytes.append(0x22)
        }

        mutating func close() { bytes.append(UInt8(ascii: "}")) }

        mutating func write(_ raw: StaticString) { bytes.append(raw) }

        /// A comma, unless this starts an object or array or is a member's value.
        mutating func separate() {
            guard let last = bytes.last, last != UInt8(ascii: "["), last != UInt8(ascii: "{"), last != UInt8(ascii: ":") else { return }
            bytes.append(UInt8(ascii: ","))
        }
    }
}
