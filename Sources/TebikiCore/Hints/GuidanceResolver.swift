/// Checks a tour's and hints' targets against the parsed article and renders their texts.
extension ResolvedGuidance {
    /// `inline` renders a step's or hint's text; its links count as the article's, and its
    /// problems are reported where the text starts in the front matter.
    static func resolve(_ guidance: Guidance, path: String, body: RenderedMarkdown,
                        inline: (_ markdown: String) -> (body: RenderedMarkdown, diagnostics: [Diagnostic]))
        -> (ResolvedGuidance, diagnostics: [Diagnostic], links: [LinkReference]) {
        var resolved = ResolvedGuidance(tourTitle: guidance.tour?.title, autostart: guidance.tour?.autostart ?? false,
                                        audience: guidance.tour?.audience ?? Guidance.Audience())
        var diagnostics: [Diagnostic] = []
        var links: [LinkReference] = []
        func html(_ markdown: String, at position: SourceLocation) -> String {
            let (rendered, problems) = inline(markdown)
            links += rendered.links.map { link in
                var link = link
                link.location = position
                return link
            }
            diagnostics += problems.map { problem in
                var problem = problem
                problem.location = position
                return problem
            }
            return unwrapParagraph(rendered.html)
        }
        func selector(_ target: Guidance.PageTarget?) -> String? {
            guard let target else { return nil }
            switch selectorFor(target, body: body) {
            case .success(let selector): return selector
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
                return nil
            }
        }
        for step in guidance.tour?.steps ?? [] {
            resolved.steps.append(Step(title: step.title, html: html(step.body, at: step.bodyPosition),
                                       selector: selector(step.page), product: step.product, wait: step.wait))
        }
        for hint in guidance.hints {
            resolved.hints.append(Hint(html: html(hint.text, at: hint.textPosition), selector: selector(hint.page), product: hint.product,
                                       audience: hint.audience))
        }
        for written in guidance.announcements {
            var announcement = Announcement(title: written.title, html: html(written.body, at: written.bodyPosition), written: written)
            // The image and the link are checked and rewritten as the article's own are.
            if let image = written.image { announcement.image = html("![](<\(image)>)", at: written.position) }
            switch written.action {
            case .link(let target, let label)?:
                announcement.action = html("[\(Self.escapedLabel(label ?? written.title))](<\(target)>)", at: written.position)
            case .tour(let label)?:
                announcement.startsTour = true
                announcement.actionLabel = label
                if guidance.tour == nil {
                    diagnostics.append(.error(.tourInvalid, at: written.position, "the announcement starts this article's tour, but the article has no 'tour'"))
                }
            case nil: break
            }
            resolved.announcements.append(announcement)
        }
        return (resolved, diagnostics, links)
    }
}

private extension ResolvedGuidance {
    /// A label written into Markdown link text as plain text.
    static func escapedLabel(_ label: String) -> String {
        var out = ""
        for character in label {
            if "\\`*_[]<>!&#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    struct Problem: Error {
        var message: String
        var position: SourceLocation
        var diagnostic: Diagnostic { .error(.tourTarget, at: position, message) }
    }

    static func selectorFor(_ target: Guidance.PageTarget, body: RenderedMarkdown) -> Result<String, Problem> {
        switch target {
        case let .heading(id, position):
            guard body.headings.contains(where: { $0.id == id }) else {
                let known = body.headings.prefix(8).map { "'\($0.id)'" }.joined(separator: ", ")
                return .failure(Problem(message: "tour target: this article has no heading with id '\(id)'"
                                        + (known.isEmpty ? "" : " (its headings: \(known))"), position: position))
            }
            return .success("[id=\"\(cssString(id))\"]")
        case let .step(number, position):
            guard number <= body.steps else {
                let count = body.steps == 0 ? "no numbered steps" : "only \(body.steps) numbered step\(body.steps == 1 ? "" : "s")"
                return .failure(Problem(message: "tour target: step \(number) does not exist; this article has \(count)", position: position))
            }
            return .success("[data-step=\"\(number)\"]")
        case let .image(name, position):
            let images = body.links.filter { $0.kind == .image && $0.href != nil }
            let match = images.first { $0.destination == name }
                ?? images.first { if case .asset(let path) = $0.target { return path == name || path.hasSuffix("/" + name) } else { return false } }
            guard let href = match?.href else {
                return .failure(Problem(message: "tour target: this article shows no image '\(name)'", position: position))
            }
            return .success("img[src=\"\(cssString(href))\"]")
        }
    }

    /// Text inside a double-quoted CSS string.
    static func cssString(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\a ")
    }

    /// A one-paragraph text without its `<p>`, so it reads as a sentence inside a popover.
    static func unwrapParagraph(_ html: String) -> String {
        let trimmed = html.hasSuffix("\n") ? String(html.dropLast()) : html
        guard trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"),
              trimmed.dropFirst(3).range(of: "<p>") == nil else { return html }
        return String(trimmed.dropFirst(3).dropLast(4))
    }
}
