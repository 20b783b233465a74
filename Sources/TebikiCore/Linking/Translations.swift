/// Which pages of a site with several languages are translations of each other: an article
/// and its translations share a path under `Articles/` once the language folder is left out
/// (`login/signin`, `en/login/signin`), as do categories and sections; each language's home is
/// the translation of the others'. Empty for a site with one language.
public struct Translations: Sendable {
    /// By the shared key (`login/signin`, `login`, `""` for the home page): the site-relative
    /// page of each language that has one (`en/login/signin/`), by language code.
    public let pages: [String: [String: String]]
    /// The site's languages, the default first.
    public let languages: [String]

    public init(site: LoadedSite) {
        languages = site.config.languages
        guard site.config.languages.count > 1 else {
            pages = [:]
            return
        }
        var pages: [String: [String: String]] = [:]
        for language in site.config.languages { pages["", default: [:]][language] = site.urlPrefix(of: language) }
        func add(_ id: String, _ urlPath: String) {
            let language = site.language(ofPath: id)
            let lead = site.urlPrefix(of: language)
            pages[String(id.dropFirst(lead.count)), default: [:]][language] = urlPath
        }
        for category in site.categories { add(category.id, category.id + "/") }
        for section in site.sections { add(section.id, section.id + "/") }
        for article in site.articles { add(article.id, article.urlPath) }
        self.pages = pages
    }

    public var isEmpty: Bool { pages.isEmpty }

    /// For each language besides the default, the articles of the default language it has no
    /// translation of, in reading order.
    public static func untranslated(in site: LoadedSite) -> [(language: String, articles: [ArticleSource])] {
        let translated = Set(site.articles.filter { $0.languageFolder != nil }.map(\.id))
        return site.config.translationLanguages.map { language in
            (language, site.articles.filter { $0.languageFolder == nil && !translated.contains(language + "/" + $0.id) })
        }
    }

    /// The key of a page: its id without the language folder.
    public static func key(of id: String, in site: LoadedSite) -> String {
        String(id.dropFirst(site.urlPrefix(of: site.language(ofPath: id)).count))
    }

    /// The page of each language for the page with `key`, in the site's order; a language
    /// without a translation is nil.
    public func versions(of key: String) -> [(language: String, urlPath: String?)] {
        let known = pages[key] ?? [:]
        return languages.map { ($0, known[$0]) }
    }
}
