/// An article after the parse stage: its metadata, rendered body and the terms of its text.
/// The Markdown and plain text are dropped here so the build does not hold the site twice.
public struct ParsedArticle: Sendable {
    public var source: ArticleSource
    public var body: RenderedMarkdown
    public var terms: TermVector
}
