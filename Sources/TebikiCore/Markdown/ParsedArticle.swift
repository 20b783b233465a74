/// An article after the parse stage: its metadata and rendered body. The Markdown text is
/// dropped here so the build does not hold the site twice.
public struct ParsedArticle: Sendable {
    public var source: ArticleSource
    public var body: RenderedMarkdown
}
