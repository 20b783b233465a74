/// The names each of Tebiki's page templates is given, as `PageRenderer` fills them: a theme's
/// template that uses any other is a `template-error` at the name's line and column, not a page
/// with a silent gap. A test holds every page the fixture sites make to exactly these names.
enum PageFields {
    /// By template name.
    static func of(_ template: String) -> MustacheFields? {
        switch template {
        case "home": common.adding(home)
        case "category": common.adding(category)
        case "article": common.adding(article)
        case "search", "404": common.adding(MustacheFields(plain: ["head"]))
        case "redirect": common.adding(MustacheFields(plain: ["target"]))
        default: nil
        }
    }
}

private extension PageFields {
    static let common = MustacheFields(plain: ["root", "home", "canonical", "hasLanguages", "title", "description", "isHome"], [
        "site": MustacheFields(plain: ["title", "language"]),
        "strings": MustacheFields(plain: ThemeStrings.templateKeys),
        "support": MustacheFields(plain: ["url"]),
        "languages": MustacheFields(plain: ["code", "name", "url", "current"]),
        "alternates": MustacheFields(plain: ["hreflang", "href"]),
    ])

    static let date = MustacheFields(plain: ["iso", "text"])
    static let link = MustacheFields(plain: ["title", "url", "description"])

    /// A category on the home page, a section on its category's page.
    static let card = MustacheFields(plain: ["title", "description", "url", "countText", "hasMore"], ["articles": link])

    static let home = MustacheFields(plain: ["head", "hasPromoted", "hasRecent"], [
        "promoted": link, "recent": link.adding(MustacheFields(["date": date])), "categories": card,
    ])

    /// Category and section pages; a section's has its category as `parent`.
    static let category = MustacheFields(plain: ["head", "introduction", "countText", "hasArticles", "hasSections"], [
        "articles": link, "sections": card, "parent": MustacheFields(plain: ["title", "url"]),
    ])

    static let article = MustacheFields(
        plain: ["head", "editURL", "body", "tags", "hasTags", "readingTime", "hasRelated", "hasBacklinks",
                "hasTOC", "hasAside", "hasPager", "guide", "hasTour"],
        [
            "feedback": MustacheFields(plain: ["article", "language", "endpoint", "reasons", "support"]),
            "category": MustacheFields(plain: ["title", "url"]),
            "section": MustacheFields(plain: ["title", "url", "items", "hasMore"]),
            "toc": MustacheFields(plain: ["href", "text", "level"]),
            "lastUpdated": date,
            "related": link, "backlinks": link, "previous": link, "next": link,
        ])
}
