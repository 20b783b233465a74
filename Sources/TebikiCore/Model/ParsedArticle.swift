/// An article after the parse stage: its metadata, rendered body and the terms of its text.
/// The Markdown is dropped here so the build does not hold the site twice.
public struct ParsedArticle: Sendable {
    /// Shared between copies, as a source's are: the stages after the parse read articles from
    /// arrays, and a copy retained each of a dozen strings and arrays (2 % of a large build).
    private var fields: SharedValue<Fields>

    init(source: ArticleSource, body: RenderedMarkdown, terms: TermVector, searchKeys: [(term: String, section: Int16)] = [],
                guidance: ResolvedGuidance = ResolvedGuidance(), markdown: String = "", diagnostics: [Diagnostic] = []) {
        fields = SharedValue(Fields(source: source, body: body, terms: terms, searchKeys: searchKeys, guidance: guidance,
                                    markdown: markdown, diagnostics: diagnostics))
    }

    public var source: ArticleSource {
        _read { yield fields.value.source }
        _modify { yield &fields.value.source }
    }
    public var body: RenderedMarkdown {
        _read { yield fields.value.body }
        _modify { yield &fields.value.body }
    }
    public var terms: TermVector {
        _read { yield fields.value.terms }
        _modify { yield &fields.value.terms }
    }
    /// The terms search keeps its title's and headings' keys under (`SearchTitleKey`), each with
    /// the section it names: made here, with the other terms, on all cores.
    public var searchKeys: [(term: String, section: Int16)] {
        _read { yield fields.value.searchKeys }
        _modify { yield &fields.value.searchKeys }
    }
    /// The article's tour and hints, checked against its body.
    public var guidance: ResolvedGuidance {
        _read { yield fields.value.guidance }
        _modify { yield &fields.value.guidance }
    }
    /// The Markdown with included files and variables expanded, for the article's Markdown copy.
    public var markdown: String {
        _read { yield fields.value.markdown }
        _modify { yield &fields.value.markdown }
    }
    /// What the parse stage found wrong in the article (its body, its tour and hints); the
    /// link check adds its own findings separately.
    public var diagnostics: [Diagnostic] {
        _read { yield fields.value.diagnostics }
        _modify { yield &fields.value.diagnostics }
    }
}

extension Array where Element == ParsedArticle {
    /// Each article's position by its id (the first, should two share one), read in place:
    /// a copy of every article showed in profiles.
    var positionsByID: [String: Int] {
        Dictionary(indices.map { (self[$0].source.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Files under `Articles/` that published articles link to or show.
    var referencedAssets: Set<String> {
        var paths = Set<String>()
        for article in self {
            for link in article.body.links {
                if case .asset(let path) = link.target { paths.insert(path) }
            }
        }
        return paths
    }
}

private extension ParsedArticle {
    struct Fields: Sendable {
        var source: ArticleSource
        var body: RenderedMarkdown
        var terms: TermVector
        var searchKeys: [(term: String, section: Int16)]
        var guidance: ResolvedGuidance
        var markdown: String
        var diagnostics: [Diagnostic]
    }
}
