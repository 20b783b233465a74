/// Which articles link to which, by position in the site's article list. Related articles,
/// backlinks and the orphan check all read it.
public struct LinkGraph: Sendable {
    public private(set) var outgoing: [Set<Int>]
    public private(set) var incoming: [Set<Int>]
    /// Articles another article names in its front matter `related:`.
    public private(set) var namedAsRelated: Set<Int>

    public init(_ articles: [ParsedArticle]) {
        let indexByID = articles.positionsByID
        let outgoing = parallelMap(Array(articles.indices)) { Self.targets(of: articles[$0].body.links, at: $0, indexByID: indexByID) }
        // The articles named in `related:` are gathered on another core while the links are
        // turned around: one after the other, they held one core for about 10 ms at 10,000 articles.
        let (named, incoming) = inParallel({
            var named = Set<Int>()
            for index in articles.indices {
                for reference in articles[index].source.frontMatter.related {
                    if let target = indexByID[reference.value], target != index { named.insert(target) }
                }
            }
            return named
        }) {
            var incoming = Array(repeating: Set<Int>(), count: outgoing.count)
            for index in outgoing.indices {
                for target in outgoing[index] { incoming[target].insert(index) }
            }
            return incoming
        }
        self.outgoing = outgoing
        self.incoming = incoming
        namedAsRelated = named
    }

    /// The graph after `articles[index]` changed, touching only that article's edges; its
    /// `related:` names, which are few, are gathered again only when they changed.
    public func updating(_ index: Int, in articles: [ParsedArticle], previous: ParsedArticle,
                         indexByID: [String: Int]) -> LinkGraph {
        var graph = self
        let targets = Self.targets(of: articles[index].body.links, at: index, indexByID: indexByID)
        for removed in outgoing[index].subtracting(targets) { graph.incoming[removed].remove(index) }
        for added in targets.subtracting(outgoing[index]) { graph.incoming[added].insert(index) }
        graph.outgoing[index] = targets
        if articles[index].source.frontMatter.related != previous.source.frontMatter.related {
            graph.namedAsRelated = Set(articles.enumerated().flatMap { position, article in
                article.source.frontMatter.related.compactMap { indexByID[$0.value] }.filter { $0 != position }
            })
        }
        return graph
    }

    /// An article's links, not the article: passing an article out of the array copied it.
    static func targets(of links: [LinkReference], at index: Int, indexByID: [String: Int]) -> Set<Int> {
        var targets = Set<Int>()
        for link in links {
            if case .article(let id, _) = link.target, let target = indexByID[id], target != index { targets.insert(target) }
        }
        return targets
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
