/// An article after the parse stage: its metadata, rendered body and the terms of its text.
/// The Markdown is dropped here so the build does not hold the site twice.
public struct ParsedArticle: Sendable {
    public var source: ArticleSource
    public var body: RenderedMarkdown
    public var terms: TermVector
    /// The terms search keeps its title's and headings' keys under (`SearchTitleKey`), each with
    /// the section it names: made here, with the other terms, on all cores.
    public var searchKeys: [(term: String, section: Int16)] = []
    /// The article's tour and hints, checked against its body.
    public var guidance = ResolvedGuidance()
    /// The Markdown with included files and variables expanded, for the article's Markdown copy.
    public var markdown = ""
    /// What the parse stage found wrong in the article (its body, its tour and hints); the
    /// link check adds its own findings separately.
    public var diagnostics: [Diagnostic] = []
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
        // By position: `for article in self` copied every article.
        for index in indices {
            for link in self[index].body.links {
                if case .asset(let path) = link.target { paths.insert(path) }
            }
        }
        return paths
    }
}
