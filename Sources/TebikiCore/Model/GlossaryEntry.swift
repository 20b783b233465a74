/// `Articles/_glossary.yml`: terms readers may not know, each with a short definition and
/// optionally the article that explains it. The first use of a term in each article's text
/// gets the definition beside it.
///
///     - term: サブドメイン
///       definition: ログイン URL の先頭部分で、契約ごとに決まる文字列です。
///       article: login-url/find-login-url
public struct GlossaryEntry: Sendable, Equatable {
    public var term: String
    public var definition: String
    /// Where the definition is written, for problems in it.
    public var definitionLocation = SourceLocation.file(SiteLayout.articlesFolder + "/" + GlossaryEntry.fileName)
    /// The explaining article, by its path under `Articles/` without `.md`.
    public var article: FrontMatter.Reference?

    static let fileName = "_glossary.yml"
}
