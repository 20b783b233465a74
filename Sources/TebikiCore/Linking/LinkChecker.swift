/// Stage 3: checks every link, image and `related:` entry against the parsed site, so a
/// broken one is reported where the writer typed it, and warns about what readers cannot
/// reach or will not understand: orphan articles, unused images, missing descriptions.
public enum LinkChecker {
    /// What the check found, kept article by article so `tebiki serve` re-checks only the
    /// articles an edit can affect.
    public struct Findings: Sendable, Equatable {
        /// `byArticle[i]`: the problems in `articles[i]`'s links, images and `related:` entries.
        public var byArticle: [[Diagnostic]]
        /// Warnings about the site as a whole and clashing aliases.
        public var siteWide: [Diagnostic]
        /// The problems in the links of the categories' introductions (`index.md`).
        public var introductions: [Diagnostic] = []

        public var all: [Diagnostic] { byArticle.flatMap { $0 } + siteWide + introductions }
    }

    public static func check(_ articles: [ParsedArticle], graph: LinkGraph, site: LoadedSite,
                             introductions: [ParsedArticle]) -> Findings {
        let headingIDs = headingIDs(articles)
        let titles = titles(articles)
        let otherIDs = otherToolIDs(articles, also: introductions, headingIDs: headingIDs)
        let folders = languageFolders(site)
        let check = { (source: ArticleSource, links: [LinkReference]) in
            problems(of: source, links: links, headingIDs: headingIDs, titles: titles, otherToolIDs: otherIDs, languageFolders: folders,
                     unpublished: site.unpublished)
        }
        return Findings(byArticle: parallelMap(Array(articles.indices)) { check(articles[$0].source, articles[$0].body.links) },
                        siteWide: siteWide(articles, graph: graph, site: site),
                        introductions: introductions.flatMap { check($0.source, $0.body.links) })
    }

    /// Every article's heading ids, by article id: what links with a `#fragment` are checked against.
    static func headingIDs(_ articles: [ParsedArticle]) -> [String: Set<String>] {
        // The sets made on all cores: made one after another, they kept a core idle for 15 ms
        // at 10,000 articles.
        let sets = parallelMap(Array(articles.indices)) { articles[$0].body.fragmentIDs }
        var headingIDs: [String: Set<String>] = [:]
        headingIDs.reserveCapacity(articles.count)
        for index in articles.indices { headingIDs[articles[index].source.id] = sets[index] }
        return headingIDs
    }

    /// The language folders of a site with several languages; none for one language.
    static func languageFolders(_ site: LoadedSite) -> Set<String> {
        site.config.languages.count > 1 ? Set(site.config.translationLanguages) : []
    }

    /// The language folder an article id starts with, nil for the default language.
    static func languageFolder(of id: String, in folders: Set<String>) -> String? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        let first = String(id[..<slash])
        return folders.contains(first) ? first : nil
    }

    /// Every article's title, by article id: a fragment that names one gets a hint.
    static func titles(_ articles: [ParsedArticle]) -> [String: String] {
        Dictionary(articles.indices.map { (articles[$0].source.id, articles[$0].source.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// For the articles that broken fragments point at: each heading's id as VitePress spells
    /// it (`build-target` for "build.target"), to the id Tebiki gave it (`buildtarget`). Made
    /// only for those articles, so a site without broken fragments pays one pass over its links.
    /// `linksOf`: the articles whose links are being checked, when not all of them (an edit);
    /// `more`: pages checked and searched as the articles are (the folders' introductions),
    /// kept apart so the articles are not copied into one array with them.
    static func otherToolIDs(_ articles: [ParsedArticle], also more: [ParsedArticle] = [], headingIDs: [String: Set<String>],
                             linksOf checked: [ParsedArticle]? = nil) -> [String: [String: String]] {
        var targets: Set<String> = []
        for linking in [checked ?? articles, more] {
            for index in linking.indices {
                let articleID = linking[index].source.id
                for link in linking[index].body.links {
                    switch link.target {
                    case .article(let id, let fragment?) where headingIDs[id]?.contains(fragment) == false: targets.insert(id)
                    case .fragment(let fragment) where headingIDs[articleID]?.contains(fragment) == false: targets.insert(articleID)
                    default: continue
                    }
                }
            }
        }
        var table: [String: [String: String]] = [:]
        for pages in [articles, more] {
            for index in pages.indices where targets.contains(pages[index].source.id) {
                let id = pages[index].source.id
                for heading in pages[index].body.headings {
                    let slug = VitePressHeadingID.id(heading.text)
                    if slug != heading.id, table[id]?[slug] == nil { table[id, default: [:]][slug] = heading.id }
                }
            }
        }
        return table
    }

    /// The destination a link should have been written with: the relative `.md` path for one
    /// written as other tools link, a VitePress heading id replaced by Tebiki's; nil when it is right.
    static func suggestedDestination(_ link: LinkReference, in article: ParsedArticle, otherToolIDs: [String: [String: String]]) -> String? {
        suggestedDestination(link, from: article.source.id, otherToolIDs: otherToolIDs)
    }

    /// The same for a link of the article `articleID`.
    static func suggestedDestination(_ link: LinkReference, from articleID: String, otherToolIDs: [String: [String: String]]) -> String? {
        switch link.target {
        case .article(let id, let fragment):
            let mapped = fragment.flatMap { otherToolIDs[id]?[$0] }
            let otherTool = !isMarkdownPath(link.destination)
            guard otherTool || mapped != nil else { return nil }
            if otherTool { return markdownForm(to: id, fragment: mapped ?? fragment, from: link.sourceID ?? articleID) }
            return pathPart(of: link.destination) + "#" + (mapped ?? "")
        case .fragment(let fragment):
            return otherToolIDs[articleID]?[fragment].map { "#" + $0 }
        default:
            return nil
        }
    }

    /// The errors in one article's links, images and `related:` entries.
    static func problems(in article: ParsedArticle, headingIDs: [String: Set<String>], titles: [String: String],
                         otherToolIDs: [String: [String: String]], languageFolders: Set<String>,
                         unpublished: [String: String] = [:]) -> [Diagnostic] {
        problems(of: article.source, links: article.body.links, headingIDs: headingIDs, titles: titles, otherToolIDs: otherToolIDs,
                 languageFolders: languageFolders, unpublished: unpublished)
    }

    /// The same from the two parts of an article it reads: handed the article, each core copied
    /// every article it checked, each of its arrays and texts retained and released.
    static func problems(of source: ArticleSource, links: [LinkReference], headingIDs: [String: Set<String>], titles: [String: String],
                         otherToolIDs: [String: [String: String]], languageFolders: Set<String>,
                         unpublished: [String: String] = [:]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in links {
            let noun = link.kind == .image ? "image" : "link"
            let count = diagnostics.count
            defer {
                // A problem in an included file says which article included it, and where.
                if !link.includedFrom.isEmpty {
                    let note = link.includedFrom.map { " (included at \($0.description))" }.joined()
                    for index in count..<diagnostics.count { diagnostics[index].message += note }
                }
            }
            switch link.target {
            case .missing(let destination):
                diagnostics.append(.error(link.kind == .image ? .imageMissing : .linkMissing, at: link.location,
                                          "broken \(noun): nothing at '\(destination)'"))
            case .article(let id, let fragment):
                let suggested = otherToolIDs.isEmpty && Self.isMarkdownPath(link.destination)
                    ? nil : Self.suggestedDestination(link, from: source.id, otherToolIDs: otherToolIDs)
                if let fragment, headingIDs[id]?.contains(fragment) == false {
                    var hint = titles[id].map { Self.names(fragment, title: $0) } == true
                        ? ": '\(fragment)' is its title, which is not a heading id; link to the article without '#\(fragment)'" : ""
                    if let real = otherToolIDs[id]?[fragment] {
                        hint = ": '\(fragment)' is how VitePress spells the heading id '\(real)'; write '\(suggested ?? "#" + real)' (tebiki check --fix-links rewrites it)"
                    }
                    diagnostics.append(.error(.linkMissingHeading, at: link.location,
                                              "broken link: Articles/\(id).md has no heading with id '\(fragment)'\(hint)"))
                } else if let suggested {
                    diagnostics.append(.warning(.linkOtherTool, at: link.location,
                                                "'\(link.destination)' is written the way other tools link; it goes to Articles/\(id).md: write '\(suggested)' (tebiki check --fix-links rewrites it)"))
                }
                if !languageFolders.isEmpty, link.kind == .link, case let target = Self.languageFolder(of: id, in: languageFolders),
                   target != source.languageFolder {
                    let message = source.languageFolder.map {
                        "Articles/\(id).md has no '\($0)' translation yet: the link goes to the original"
                    } ?? "the link goes to a translation (Articles/\(id).md) from an article in the default language"
                    diagnostics.append(.warning(.linkOtherLanguage, at: link.location, message))
                }
            case .fragment(let fragment) where !fragment.isEmpty && headingIDs[source.id]?.contains(fragment) == false:
                let hint = otherToolIDs[source.id]?[fragment].map {
                    ": '\(fragment)' is how VitePress spells the heading id '\($0)'; write '#\($0)' (tebiki check --fix-links rewrites it)"
                } ?? ""
                diagnostics.append(.error(.linkMissingHeading, at: link.location,
                                          "broken link: this article has no heading with id '\(fragment)'\(hint)"))
            case .unpublished(let id, let reason):
                diagnostics.append(.warning(.linkUnpublished, at: link.location,
                                            "Articles/\(id).md is not published (\(reason)): the \(noun) is shown as plain text until it is"))
            case .unsafe(let scheme):
                diagnostics.append(.warning(.unsafeURL, at: link.location,
                                            "\(noun) with a '\(scheme):' URL was removed: only http, https, mailto and tel are allowed"))
            default: break
            }
        }
        for related in source.frontMatter.related where headingIDs[related.value] == nil && unpublished[related.value] == nil {
            diagnostics.append(.error(.relatedMissing, at: related.location,
                                      "related article '\(related.value)' not found: name it by its path under Articles/ without .md"))
        }
        return diagnostics
    }

    /// A destination without its `#fragment` and `?query`.
    static func pathPart(of destination: String) -> Substring {
        let end = destination.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? destination.utf8.endIndex
        return destination[..<end]
    }

    /// Whether a destination names a `.md` file, as Tebiki's own links do.
    static func isMarkdownPath(_ destination: String) -> Bool {
        pathPart(of: destination).utf8.reversed().starts(with: ".md".utf8.reversed())
    }

    /// Whether a fragment is the title itself or the title as a heading id would spell it.
    static func names(_ fragment: String, title: String) -> Bool {
        let fragment = fragment.lowercased(), title = title.lowercased()
        let spelt = title.split(separator: " ").joined(separator: "-").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return fragment == title || fragment == spelt
    }

    /// The relative `.md` path from the file `fromID` to the article `id`, with its fragment:
    /// what a link written as other tools write them (`/guide/intro`, `intro.html`) stands for.
    static func markdownForm(to id: String, fragment: String?, from fromID: String) -> String {
        let folder = fromID.split(separator: "/").dropLast()
        let target = id.split(separator: "/")
        // Up past the folders they do not share, then down to the target.
        var shared = 0
        while shared < min(folder.count, target.count - 1), folder[shared] == target[shared] { shared += 1 }
        let up = Array(repeating: "..", count: folder.count - shared)
        return (up + target[shared...].map(String.init)).joined(separator: "/") + ".md" + (fragment.map { "#" + $0 } ?? "")
    }

    /// What readers cannot reach or will not understand, and old addresses that clash.
    static func siteWide(_ articles: [ParsedArticle], graph: LinkGraph, site: LoadedSite) -> [Diagnostic] {
        let assets = site.assets
        var diagnostics: [Diagnostic] = []
        for index in articles.indices {
            if articles[index].source.frontMatter.description == nil {
                diagnostics.append(.warning(.missingDescription, articles[index].source.path, "no 'description': lists and search results show it under the title"))
            }
            if articles.count > 1 && graph.isOrphan(index) {
                diagnostics.append(.warning(.orphanArticle, articles[index].source.path, "orphan article: no other article links to it or names it in 'related'"))
            }
        }
        let referenced = articles.referencedAssets
        for asset in assets.subtracting(referenced).sorted()
        where SiteLayout.imageExtensions.contains(asset.split(separator: ".").last.map { $0.lowercased() } ?? "") {
            diagnostics.append(.warning(.unusedImage, "\(SiteLayout.articlesFolder)/\(asset)", "image not used by any article; it is not published"))
        }
        // A published SVG that can run code: refused unless the site allows raw HTML, since it
        // would run in the help centre's origin when a reader opens the image.
        for (path, problem) in site.unsafeImages.sorted(by: { $0.key < $1.key }) where referenced.contains(path) {
            let advice = site.config.rawHTML ? "it is published as it is, since rawHTML is true" : "remove it, or set 'rawHTML: true' in tebiki.yml to publish the file as it is"
            diagnostics.append(.about(site.config.rawHTML ? .warning : .error, .unsafeSVG, "\(SiteLayout.articlesFolder)/\(path)",
                                      "the SVG has \(problem); opened on its own it would run in the help centre: \(advice)"))
        }
        // The site's sources are the articles' own, in the same order: no copy of 10,000 of them.
        return diagnostics + AliasPages.check(site.articles, assets: assets)
    }
}
