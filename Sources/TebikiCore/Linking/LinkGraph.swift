/// Which articles link to which, by position in the site's article list. Related articles,
/// backlinks and the orphan check all read it.
public struct LinkGraph: Sendable {
    public let outgoing: [Set<Int>]
    public let incoming: [Set<Int>]
    /// Articles another article names in its front matter `related:`.
    public let namedAsRelated: Set<Int>

    public init(_ articles: [ParsedArticle]) {
        let indexByID = Dictionary(articles.enumerated().map { ($1.source.id, $0) }, uniquingKeysWith: { first, _ in first })
        var outgoing = Array(repeating: Set<Int>(), count: articles.count)
        var incoming = Array(repeating: Set<Int>(), count: articles.count)
        var named = Set<Int>()
        for (index, article) in articles.enumerated() {
            for link in article.body.links {
                if case .article(let id, _) = link.target, let target = indexByID[id], target != index {
                    outgoing[index].insert(target)
                    incoming[target].insert(index)
                }
            }
            for reference in article.source.frontMatter.related {
                if let target = indexByID[reference.value], target != index { named.insert(target) }
            }
        }
        self.outgoing = outgoing
        self.incoming = incoming
        namedAsRelated = named
    }

    /// Articles linking to `index`, in the site's reading order.
    public func backlinks(of index: Int) -> [Int] {
        incoming[index].sorted()
    }

    /// Nothing leads a reader here but the category page.
    public func isOrphan(_ index: Int) -> Bool {
        incoming[index].isEmpty && !namedAsRelated.contains(index)
    }
}
