/// Stage 2: parses every article's Markdown with cmark on all cores and renders its body,
/// with links already pointing at the pages they name.
public enum MarkdownParser {
    /// The articles, and the text of every word term in them (`CheckedSite.searchWords`), moved
    /// out of each article's vector as soon as it is parsed.
    static func parse(_ site: LoadedSite, resolver: LinkResolver) -> (articles: [ParsedArticle], words: WordTable) {
        let options = options(for: site, resolver: resolver)
        let (articles, chunks) = parallelMap(site.articles, gathering: { (words: WordTable(capacity: 1024), tallies: TermVector.Tallies()) }) { chunk, article in
            var parsed = parse(article, resolver: resolver, options: options[site.language(ofPath: article.id)] ?? .init(), tallies: &chunk.tallies)
            chunk.words.add(parsed.terms.words)
            parsed.terms.words = WordTexts()
            return parsed
        }
        var words = WordTable(capacity: chunks.map(\.words.count).max() ?? 0)
        for chunk in chunks { words.add(chunk.words) }
        return (articles, words)
    }

    /// The categories' and sections' introductions (`index.md`), by folder id, for the folders' pages.
    public static func introductions(_ site: LoadedSite, resolver: LinkResolver) -> [String: ParsedArticle] {
        let options = options(for: site, resolver: resolver)
        return site.introductions.mapValues {
            parse($0, resolver: resolver, options: options[site.language(ofPath: $0.id)] ?? .init(), depth: $0.pageDepth - 1)
        }
    }

    /// The site's choices that change how Markdown renders (raw HTML, the callouts' titles, the
    /// glossary), for each of its languages.
    static func options(for site: LoadedSite, resolver: LinkResolver) -> [String: MarkdownRenderer.Options] {
        Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0, options(for: site, resolver: resolver, language: $0)) })
    }

    static func options(for site: LoadedSite, resolver: LinkResolver, language: String) -> MarkdownRenderer.Options {
        let strings = site.strings(for: language)
        var options = MarkdownRenderer.Options(rawHTML: site.config.rawHTML)
        options.calloutTitles = Dictionary(uniqueKeysWithValues: MarkdownNode.calloutKinds.map { ($0, strings["callout." + $0]) })
        options.taskLabels = (strings["taskDone"], strings["taskOpen"])
        options.detailsTitle = strings["details"]
        options.includes = includeReader(site)
        options.variables = site.config.variables
        options.imageSizes = site.imageSizes
        // A translation's glossary names articles by the original's paths: its own translation when there is one.
        let lead = site.urlPrefix(of: language)
        options.glossary = GlossaryMatcher((site.glossary[language] ?? []).map { entry in
            (entry, entry.article.flatMap { resolver.urlPath(ofArticle: lead + $0.value) ?? resolver.urlPath(ofArticle: $0.value) })
        }, moreText: strings["glossaryMore"])
        return options
    }

    /// One article, for its page (`category/slug/`, `category/section/slug/`), or the folder's
    /// introduction for its page one folder higher.
    static func parse(_ article: ArticleSource, resolver: LinkResolver, options: MarkdownRenderer.Options = .init(),
                      depth: Int? = nil) -> ParsedArticle {
        var tallies = TermVector.Tallies()
        return parse(article, resolver: resolver, options: options, depth: depth, tallies: &tallies)
    }

    /// `tallies`: the tables the article's terms are counted in, kept by the caller for the next article.
    static func parse(_ article: ArticleSource, resolver: LinkResolver, options: MarkdownRenderer.Options, depth: Int? = nil,
                      tallies: inout TermVector.Tallies) -> ParsedArticle {
        let rootPrefix = SiteLayout.rootPrefix(depth: depth ?? article.pageDepth)
        let resolve = { (destination: String, _: LinkReference.Kind, fromID: String) -> (LinkTarget, href: String?) in
            let target = resolver.target(of: destination, from: fromID)
            return (target, resolver.href(for: target, destination: destination, rootPrefix: rootPrefix))
        }
        var articleOptions = options
        articleOptions.lineOffset = article.bodyLineOffset
        articleOptions.path = article.path
        articleOptions.articleID = article.id
        articleOptions.sourceID = article.id
        articleOptions.rootPrefix = rootPrefix
        var (body, diagnostics) = MarkdownRenderer(options: articleOptions, resolve: resolve).render(article.markdown)

        var guidance = ResolvedGuidance()
        if !article.frontMatter.guidance.isEmpty {
            var inlineOptions = articleOptions
            inlineOptions.glossary = nil
            // Texts are Markdown, rendered with their variables; titles are plain text.
            var written = article.frontMatter.guidance
            func substitute(_ title: String, at position: SourceLocation) -> String {
                let (text, unknown) = options.variables.substitute(title)
                diagnostics += unknown.map { .error(.variableUnknown, at: position, "unknown variable '\($0.name)': define it under 'variables:' in tebiki.yml") }
                return text
            }
            if let tour = written.tour {
                written.tour?.title = tour.title.map { substitute($0, at: tour.steps.first?.position ?? SourceLocation(article.path)) }
                for index in tour.steps.indices {
                    written.tour?.steps[index].title = substitute(tour.steps[index].title, at: tour.steps[index].position)
                }
            }
            let (resolved, problems, links) = ResolvedGuidance.resolve(written, path: article.path, body: body) { markdown in
                MarkdownRenderer(options: inlineOptions, resolve: resolve).render(markdown)
            }
            guidance = resolved
            diagnostics += problems
            body.links += links
        }
        let matter = article.frontMatter
        if let image = matter.image {
            // The social card image is checked and published as an image of the article is.
            let (target, href) = resolve(image.value, .image, article.id)
            body.links.append(LinkReference(kind: .image, destination: image.value, target: target, location: image.location, href: href))
        }
        var parts = [TermVector.Part(matter.title, weight: 6),
                     TermVector.Part(([matter.description ?? ""] + matter.tags + matter.keywords).joined(separator: "\n"), weight: 2)]
        for (index, section) in body.sections.enumerated() {
            parts.append(TermVector.Part(section.heading, weight: 3, section: index))
            parts.append(TermVector.Part(section.text, weight: 1, section: index))
            parts.append(TermVector.Part(section.code, weight: 0.5, section: index))
        }
        let terms = TermVector(parts, reusing: &tallies)
        body.sections = body.sections.map(\.keepingSnippetCode)
        let markdown = options.includes.map { include in
            MarkdownCopy.expanded(article.markdown, path: article.path, variables: options.variables, include: include)
        } ?? article.markdown
        var source = article
        source.markdown = ""
        return ParsedArticle(source: source, body: body, terms: terms, searchKeys: SearchTitleKey.terms(title: source.title, sections: body.sections),
                             guidance: guidance, markdown: markdown, diagnostics: diagnostics)
    }
}

private extension MarkdownParser {
    /// Included files are the site's snippets (`.md` files in `_`-prefixed folders), named by a
    /// path relative to the including file, or from `Articles/` when it starts with `/`.
    static func includeReader(_ site: LoadedSite) -> @Sendable (String, String) -> MarkdownRenderer.IncludedFile? {
        let snippets = site.snippets
        return { written, fromPath in
            let prefix = SiteLayout.articlesFolder + "/"
            let folder = fromPath.dropFirst(prefix.count).split(separator: "/").dropLast().joined(separator: "/")
            guard let joined = LinkResolver.join(base: written.hasPrefix("/") ? "" : Substring(folder), written) else { return nil }
            let path = (prefix + joined).nfc
            return snippets[path].map { MarkdownRenderer.IncludedFile(path: path, markdown: $0) }
        }
    }
}
