import Foundation

/// The site's settings from `tebiki.yml`. Every key is optional.
public struct SiteConfig: Sendable {
    public var title: String?
    /// BCP 47 language of the content and of the theme's words; `ja` unless set.
    public var language: String = "ja"
    /// Where the site will be published, e.g. `https://example.com/help/`. Optional: pages link
    /// relatively, so this only feeds absolute URLs (sitemap, canonical links, the 404 page).
    public var baseURL: String?
    public var theme: String = "default"
    /// Where `theme:` was written, for an error when the folder does not exist.
    var themePosition = (line: 1, column: 1)
    /// Output folder, relative to the site folder.
    public var output: String = "_site"
    /// Opt-in to passing raw HTML in Markdown through; off means cmark's safe mode.
    public var rawHTML: Bool = false
    /// How many related articles an article page shows at most, the writer's `related:` included.
    public var relatedCount = 5
    /// Whether article pages list the articles that link to them.
    public var backlinks = true

    public init() {}

    public static let fileName = "tebiki.yml"
    static let keys = ["title", "language", "baseURL", "theme", "output", "rawHTML", "relatedCount", "backlinks"]

    /// The base URL's path with a trailing slash (`/help/`), `/` when no base URL is set.
    public var basePath: String {
        guard let baseURL, let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}

extension SiteConfig {
    static let baseURLRule = "must be an absolute http(s) URL such as https://example.com/help/"

    /// The base URL with a trailing slash, or nil when it is not an absolute http(s) URL; one
    /// rule for `tebiki.yml` and `--base-url`.
    static func baseURL(_ text: String) -> String? {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Reads `tebiki.yml` text; problems are returned, never thrown, so the build can go on
    /// collecting the rest.
    static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var yaml = YAMLDocument(text: text, path: path, lineOffset: 0)
        var config = SiteConfig()
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title": config.title = yaml.nonEmptyString(value, key: key)
            case "language":
                if let language = yaml.nonEmptyString(value, key: key) {
                    if language.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) == nil {
                        yaml.report(yaml.error(at: value, "'language' must be a language code such as ja or en"))
                    } else {
                        config.language = language
                    }
                }
            case "baseURL":
                if let base = yaml.nonEmptyString(value, key: key) {
                    if let url = Self.baseURL(base) {
                        config.baseURL = url
                    } else {
                        yaml.report(yaml.error(at: value, "'baseURL' \(Self.baseURLRule)"))
                    }
                }
            case "theme":
                if let theme = yaml.nonEmptyString(value, key: key) {
                    if theme.contains("/") || theme.hasPrefix(".") {
                        yaml.report(yaml.error(at: value, "'theme' must be the name of a folder in Themes/"))
                    } else {
                        config.theme = theme
                        config.themePosition = yaml.position(of: value)
                    }
                }
            case "output": config.output = yaml.nonEmptyString(value, key: key) ?? config.output
            case "rawHTML": config.rawHTML = yaml.bool(value, key: key) ?? false
            case "backlinks": config.backlinks = yaml.bool(value, key: key) ?? true
            case "relatedCount":
                if let count = yaml.int(value, key: key) {
                    if (0...20).contains(count) {
                        config.relatedCount = count
                    } else {
                        yaml.report(yaml.error(at: value, "'relatedCount' must be between 0 and 20"))
                    }
                }
            default:
                yaml.report(yaml.error(at: keyNode, "unknown key '\(key)' (known keys: \(keys.joined(separator: ", ")))"))
            }
        }
        return (config, yaml.diagnostics)
    }
}
