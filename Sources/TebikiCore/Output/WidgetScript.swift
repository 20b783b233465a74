import Foundation

/// `widget/tebiki.js`, the one file a product team adds to its app: the theme's `guide.js` with
/// every product tour and hint written into it, so it needs no request to the help centre and
/// no CORS settings there.
enum WidgetScript {
    static let path = "widget/tebiki.js"

    /// Each language has its own: `widget/tebiki.js`, `en/widget/tebiki.js`.
    static func path(for language: String, in site: LoadedSite) -> String { site.urlPrefix(of: language) + path }
    static let guidePath = "assets/guide.js"
    /// Where `guide.js` takes its data when it runs as the widget.
    static let dataMarker: StaticString = "/*tebiki-widget-data*/null"

    /// Nil when the theme has no `guide.js` to build the widget from.
    static func text(theme: Theme, articles: [ParsedArticle], site: LoadedSite, language: String) -> String? {
        guard let source = theme.assets.first(where: { $0.outputPath == guidePath })?.source,
              let data = FileManager.default.contents(atPath: source.path) else { return nil }
        let script = String(decoding: data, as: UTF8.self)
        return ByteSearch.replacing(dataMarker, in: script, with: GuideData.widget(articles, site: site, language: language))
    }
}
