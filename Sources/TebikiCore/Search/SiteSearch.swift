/// The search index of every language of the site: each over its own articles, tokenized and
/// scored apart, in its own folder (`search/`, `en/search/`), so a reader's query on an
/// English page finds English articles.
struct SiteSearch: Sendable {
    struct Part: Sendable {
        var language: String
        var prefix: String
        /// Positions in the site's articles of this language's articles, in order.
        var members: [Int]
        var postings: SearchPostings

        func articles(of all: [ParsedArticle]) -> [ParsedArticle] { Self.articles(members, of: all) }

        /// The `members` of the site's articles: the site's own array when they are all of
        /// them (a copy is 33 MB at 50,000 articles).
        static func articles(_ members: [Int], of all: [ParsedArticle]) -> [ParsedArticle] {
            members.count == all.count ? all : members.map { all[$0] }
        }
    }

    private(set) var parts: [Part]

    /// `words`: the site's word texts, when taken out of the articles' vectors.
    init(articles: [ParsedArticle], site: LoadedSite, words: WordTable = WordTable(capacity: 0)) {
        parts = Self.members(articles, site: site).map { language, members in
            Part(language: language, prefix: site.urlPrefix(of: language), members: members,
                 postings: SearchPostings(Part.articles(members, of: articles), words: words))
        }
    }

    func files(articles: [ParsedArticle], site: LoadedSite) -> [SearchIndex.File] {
        parts.flatMap { part in
            SearchIndex.make(part.postings, articles: part.articles(of: articles), site: site, language: part.language) { $0 }.flatMap { $0 }
        }
    }

    /// Every language's files made from the articles alone, each batch handed to `take` on the
    /// core that made it (`SearchIndex.makeArticleFiles`): what a build writes before it makes
    /// the postings.
    static func makeArticleFiles<Taken>(articles: [ParsedArticle], site: LoadedSite, take: ([SearchIndex.File]) -> Taken) -> [Taken] {
        members(articles, site: site).flatMap { language, members in
            SearchIndex.makeArticleFiles(articles: Part.articles(members, of: articles), site: site, language: language, take: take)
        }
    }

    /// Every language's files made from the postings (`SearchIndex.makeTermFiles`).
    func makeTermFiles<Taken>(site: LoadedSite, take: ([SearchIndex.File]) -> Taken) -> [Taken] {
        parts.flatMap { part in
            SearchIndex.makeTermFiles(part.postings, articles: part.members.count, site: site, language: part.language, take: take)
        }
    }

    /// The files the edits to `edited` (positions in the site's articles) changed, in each language.
    mutating func updatedFiles(edited: Set<Int>, articles: [ParsedArticle], site: LoadedSite) -> [SearchIndex.File] {
        var files: [SearchIndex.File] = []
        for index in parts.indices {
            let local = Dictionary(uniqueKeysWithValues: parts[index].members.enumerated().map { ($1, $0) })
            let touched = Set(edited.compactMap { local[$0] })
            guard !touched.isEmpty else { continue }
            files += SearchIndex.updatedFiles(&parts[index].postings, edited: touched, articles: parts[index].articles(of: articles),
                                              site: site, prefix: parts[index].prefix)
        }
        return files
    }
}

private extension SiteSearch {
    /// The positions in the site's articles of each language's articles, in the site's order of languages.
    static func members(_ articles: [ParsedArticle], site: LoadedSite) -> [(language: String, members: [Int])] {
        var members: [String: [Int]] = [:]
        for index in articles.indices { members[site.language(ofPath: articles[index].source.id), default: []].append(index) }
        return site.config.languages.map { ($0, members[$0] ?? []) }
    }
}
