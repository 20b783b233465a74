import Foundation

/// The site's settings from `tebiki.yml`. Every key is optional.
public struct SiteConfig: Sendable {
    public var title: String?
    /// `title:` written as a mapping of language codes to titles, for a site with several
    /// languages; a language without one shows `title`, the default language's.
    public var titles: [String: String] = [:]

    /// The site's title in a language, when `tebiki.yml` gives one.
    public func title(in language: String) -> String? { titles[language] ?? title }
    /// `description:`: what the help centre is for, in the home page's description, the feed and `llms.txt`.
    public var description: String?
    /// BCP 47 codes of the site's languages (`languages:`, or `language:` for one), the
    /// default first: its articles are `Articles/<category>/…` and its pages at the site's root;
    /// each other language's are `Articles/<code>/<category>/…` and `<code>/…`. `ja` unless set.
    public var languages: [String] = ["ja"]
    /// The default language, of the content and of the theme's words.
    public var language: String { languages[0] }
    /// Where `languages:` (or `language:`) was written, for warnings about a language.
    var languagesLocation = SourceLocation(SiteLayout.configFile)
    /// Languages besides the default, whose articles are in a folder of their own.
    public var translationLanguages: ArraySlice<String> { languages.dropFirst() }
    /// Where the site will be published, e.g. `https://example.com/help/`. Optional: pages link
    /// relatively, so this only feeds absolute URLs (sitemap, canonical links, the 404 page).
    public var baseURL: String?
    public var theme: String = "default"
    /// Where `theme:` was written, for an error when the folder does not exist.
    var themeLocation = SourceLocation(SiteLayout.configFile)
    /// Output folder, relative to the site folder.
    public var output: String = "_site"
    /// Opt-in to passing raw HTML in Markdown through; off means cmark's safe mode.
    public var rawHTML: Bool = false
    /// `variables:`: words written `{{ name }}` in articles, titles, tours, hints and the glossary.
    public var variables = TextVariables()
    /// How many related articles an article page shows at most, the writer's `related:` included.
    public var relatedCount = 5
    /// Whether article pages list the articles that link to them.
    public var backlinks = true
    /// `image:`: the social card of pages without an image of their own, a path in the
    /// published site (`images/card.png`, from `Static/`) or an absolute URL.
    public var image: String?
    /// `editURL:` with `{path}`, the article's path under `Articles/`: an edit link on every article.
    public var editURL: String?
    /// `feedback:`: "Was this helpful?" at the end of every article, and where votes go.
    public var feedback = Feedback()
    /// `support:`: where a reader who found no answer can ask (its `label` is a theme word, `supportLabel`).
    public var supportURL: String?
    /// `words:`: theme words the site overrides, by language, over the theme's.
    public var words: [String: [String: String]] = [:]
    /// `timeZone:` (IANA, such as Asia/Tokyo): the zone in which an announcement's day-only
    /// `from` and `until` begin and end. UTC unless set.
    public var timeZone = TimeZone(identifier: "UTC")!
    /// `product: {screens: [{url: /login, files: [login.html]}]}`: saved screens of the product
    /// that `tebiki check --product <folder>` checks selectors against.
    public var productScreens: [ProductScreen] = []

    public struct ProductScreen: Sendable {
        /// The screen's path (or whole URL), as the product shows it.
        public var url: String
        /// Saved HTML of the screen, relative to the product folder: several for its states.
        public var files: [String]
        var location: SourceLocation
    }
    /// `warnings:`: kinds of warning turned off for the site, or raised to errors.
    public var warnings: [DiagnosticCode: WarningLevel] = [:]

    public enum WarningLevel: String, Sendable {
        case off, warning, error
    }

    public struct Feedback: Sendable {
        /// `feedback: false` hides the question.
        public var enabled = true
        /// Where each vote is sent as JSON; none keeps votes in the reader's browser and raises events only.
        public var endpoint: String?
    }

    public init() {}

    static let keys = ["title", "language", "languages", "baseURL", "theme", "output", "rawHTML", "relatedCount", "backlinks", "warnings",
                       "variables", "description", "image", "editURL", "feedback", "support", "words", "timeZone", "product"]

    /// `diagnostics` as the site's `warnings:` wants them: some kinds left out, some raised to
    /// errors; with `strict`, every warning an error. Errors stay errors.
    public func adjusted(_ diagnostics: [Diagnostic], strict: Bool = false) -> [Diagnostic] {
        guard strict || !warnings.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard diagnostic.severity == .warning else { return diagnostic }
            var adjusted = diagnostic
            switch warnings[diagnostic.code] {
            case .off?: return nil
            case .error?: adjusted.severity = .error
            case .warning?, nil: break
            }
            if strict { adjusted.severity = .error }
            return adjusted
        }
    }

    /// The base URL's path with a trailing slash (`/help/`), `/` when no base URL is set.
    public var basePath: String {
        guard let baseURL, let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}
