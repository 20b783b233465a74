import Foundation

/// Reads `tour:` and `hints:` from an article's front matter. Unlike other front matter keys,
/// an unknown key in a tour or hint is an error: a misspelt `selector` would otherwise leave a
/// hint silently pointing nowhere.
extension YAMLDocument {
    mutating func tour(_ node: YAMLNode) -> Guidance.Tour? {
        // Every problem inside a tour is a tour problem, the typed values' included.
        let outer = code
        code = .tourInvalid
        defer { code = outer }
        guard let fields = fields(of: node, in: "tour", allowed: ["title", "autostart", "steps", "audience"]) else { return nil }
        var tour = Guidance.Tour(steps: [])
        var sawSteps = false
        for (key, _, value) in fields {
            switch key {
            case "title": tour.title = nonEmptyString(value, key: "tour title")
            case "autostart": tour.autostart = bool(value, key: "autostart") ?? false
            case "audience": tour.audience = audience(value)
            default:
                sawSteps = true
                guard let items = value.sequence, !items.isEmpty else {
                    report(error(at: value, "'steps' must be a list of steps, each with a title, a body and a target"))
                    continue
                }
                tour.steps = []
                for item in items { if let step = step(item) { tour.steps.append(step) } }
            }
        }
        if !sawSteps { report(error(at: node, "a tour needs 'steps'")) }
        return tour.steps.isEmpty ? nil : tour
    }

    mutating func hints(_ node: YAMLNode) -> [Guidance.Hint] {
        let outer = code
        code = .tourInvalid
        defer { code = outer }
        guard let items = node.sequence else {
            report(error(at: node, "'hints' must be a list of hints, each with a text and a target"))
            return []
        }
        var hints: [Guidance.Hint] = []
        for item in items { if let hint = hint(item) { hints.append(hint) } }
        return hints
    }
}

extension YAMLDocument {
    mutating func announcements(_ node: YAMLNode) -> [Guidance.Announcement] {
        let outer = code
        code = .tourInvalid
        defer { code = outer }
        guard let items = node.sequence else {
            report(error(at: node, "'announcements' must be a list, each with a title, a body and a url"))
            return []
        }
        return items.compactMap { announcement($0) }
    }
}

private extension YAMLDocument {
    static let announcementKeys = ["title", "body", "image", "action", "url", "from", "until", "once", "style", "audience"]

    mutating func announcement(_ node: YAMLNode) -> Guidance.Announcement? {
        guard let fields = fields(of: node, in: "an announcement", allowed: Self.announcementKeys) else { return nil }
        require(["title", "body", "url"], in: fields, of: node, "an announcement")
        var title: String?, body: String?, url: String?, image: String?, action: Guidance.Announcement.Action?
        var from: (Guidance.WrittenDate, YAMLNode)?, until: (Guidance.WrittenDate, YAMLNode)?
        var once = true, style = Guidance.Announcement.Style.modal, audience = Guidance.Audience()
        var bodyPosition = location(of: node)
        for (key, _, value) in fields {
            switch key {
            case "title": title = nonEmptyString(value, key: key)
            case "body":
                body = nonEmptyString(value, key: key)
                bodyPosition = location(of: value)
            case "image": image = nonEmptyString(value, key: key)
            case "url":
                url = nonEmptyString(value, key: key)
                if let pattern = url, !(pattern.hasPrefix("/") || pattern.hasPrefix("*") || pattern.hasPrefix("http://") || pattern.hasPrefix("https://")) {
                    report(error(at: value, "'url' must be a path such as /portal or /k/*, or a whole URL such as https://*.example.com/portal"))
                    url = nil
                }
            case "from", "until":
                guard let date = writtenDate(value, key: key) else { continue }
                if key == "from" { from = (date, value) } else { until = (date, value) }
            case "once": once = bool(value, key: key) ?? true
            case "style":
                if let text = nonEmptyString(value, key: key) {
                    if let chosen = Guidance.Announcement.Style(rawValue: text) { style = chosen } else {
                        report(error(at: value, "'style' must be modal or banner"))
                    }
                }
            case "audience": audience = self.audience(value)
            default: action = announcementAction(value)
            }
        }
        if let (start, _) = from, let (end, endNode) = until, Self.instant(end, end: true) <= Self.instant(start, end: false) {
            report(error(at: endNode, "'until' is not after 'from': the announcement would never show"))
        }
        guard let title, let body, let url else { return nil }
        return Guidance.Announcement(title: title, body: body, image: image, action: action, url: url, from: from?.0, until: until?.0,
                                     once: once, style: style, audience: audience, position: location(of: node), bodyPosition: bodyPosition)
    }

    /// `action: {link: ../guide/start.md, label: 詳しく}` or `action: {tour: true, label: ツアーで見る}`.
    mutating func announcementAction(_ node: YAMLNode) -> Guidance.Announcement.Action? {
        guard let fields = fields(of: node, in: "action", allowed: ["link", "tour", "label"]) else { return nil }
        let label = fields.first { $0.key == "label" }.flatMap { nonEmptyString($0.value, key: "label") }
        let link = fields.first { $0.key == "link" }.flatMap { nonEmptyString($0.value, key: "link") }
        let tour = fields.first { $0.key == "tour" }.flatMap { bool($0.value, key: "tour") } ?? false
        if link != nil && tour { report(error(at: node, "an action is a 'link' or a 'tour', not both")) }
        if link == nil && !tour && !fields.contains(where: { $0.key == "link" || $0.key == "tour" }) {
            report(error(at: node, "an action needs a 'link' (an article or a URL) or 'tour: true'"))
        }
        if let link { return .link(link, label: label) }
        return tour ? .tour(label: label) : nil
    }

    mutating func writtenDate(_ node: YAMLNode, key: String) -> Guidance.WrittenDate? {
        guard let text = node.scalar?.string else {
            report(error(at: node, "'\(key)' must be a date such as 2026-04-01 or 2026-04-01T09:30:00+09:00"))
            return nil
        }
        if text.count == 10, let date = YAMLDate.parse(text) {
            let (year, month, day) = date.utcDay
            return .day(year: year, month: month, day: day)
        }
        return self.date(node, key: key).map(Guidance.WrittenDate.moment)
    }

    /// For comparing `from` and `until` as written, in UTC (the site's zone moves both alike).
    static func instant(_ date: Guidance.WrittenDate, end: Bool) -> Date {
        switch date {
        case .moment(let moment): return moment
        case .day(let year, let month, let day):
            let start = YAMLDate.parse(String(format: "%04d-%02d-%02d", year, month, day)) ?? Date(timeIntervalSince1970: 0)
            return end ? start.addingTimeInterval(86_400) : start
        }
    }

    static let pageTargetKeys = ["heading", "step", "image"]

    mutating func step(_ node: YAMLNode) -> Guidance.Step? {
        guard let fields = fields(of: node, in: "a tour step", allowed: ["title", "body", "product", "wait"] + Self.pageTargetKeys)
        else { return nil }
        var title: String?, body: String?, bodyPosition = location(of: node)
        var product: Guidance.ProductTarget?
        var wait: Double?
        for (key, _, value) in fields {
            switch key {
            case "wait": wait = waitSeconds(value)
            case "title": title = nonEmptyString(value, key: "title")
            case "body":
                body = nonEmptyString(value, key: "body")
                bodyPosition = location(of: value)
            case "product": product = productTarget(value)
            default: break
            }
        }
        let page = pageTarget(fields, in: node)
        require(["title", "body"], in: fields, of: node, "a tour step")
        if page == nil && !fields.contains(where: { Self.pageTargetKeys.contains($0.key) }) {
            report(error(at: node, "a tour step needs a target in the article: 'heading', 'step' or 'image'"))
        }
        guard let title, let body, let page else { return nil }
        return Guidance.Step(title: title, body: body, page: page, product: product, position: location(of: node), bodyPosition: bodyPosition,
                             wait: wait)
    }

    mutating func hint(_ node: YAMLNode) -> Guidance.Hint? {
        guard let fields = fields(of: node, in: "a hint", allowed: ["text", "product", "audience"] + Self.pageTargetKeys) else { return nil }
        var text: String?, textPosition = location(of: node)
        var product: Guidance.ProductTarget?
        var audience = Guidance.Audience()
        for (key, _, value) in fields {
            switch key {
            case "audience": audience = self.audience(value)
            case "text":
                text = nonEmptyString(value, key: "text")
                textPosition = location(of: value)
            case "product": product = productTarget(value)
            default: break
            }
        }
        let page = pageTarget(fields, in: node)
        require(["text"], in: fields, of: node, "a hint")
        let hasTarget = fields.contains { Self.pageTargetKeys.contains($0.key) || $0.key == "product" }
        if !hasTarget { report(error(at: node, "a hint needs a target: 'heading', 'step' or 'image' in the article, or 'product'")) }
        guard let text, page != nil || product != nil else { return nil }
        return Guidance.Hint(text: text, page: page, product: product, position: location(of: node), textPosition: textPosition,
                             audience: audience)
    }

    /// The one of `heading`, `step` and `image` an entry has.
    mutating func pageTarget(_ fields: [(key: String, keyNode: YAMLNode, value: YAMLNode)], in node: YAMLNode) -> Guidance.PageTarget? {
        let targets = fields.filter { Self.pageTargetKeys.contains($0.key) }
        if targets.count > 1 {
            report(error(at: targets[1].keyNode, "only one target in the article: 'heading', 'step' or 'image'"))
        }
        guard let (key, _, value) = targets.first else { return nil }
        let position = location(of: value)
        switch key {
        case "heading": return nonEmptyString(value, key: key).map { .heading($0.hasPrefix("#") ? String($0.dropFirst()) : $0, position) }
        case "step":
            guard let number = int(value, key: key) else { return nil }
            guard number >= 1 else {
                report(error(at: value, "'step' counts from 1"))
                return nil
            }
            return .step(number, position)
        default: return nonEmptyString(value, key: key).map { .image($0, position) }
        }
    }

    /// `audience: {role: [admin], plan: [trial, standard]}`; a single value may stand alone.
    mutating func audience(_ node: YAMLNode) -> Guidance.Audience {
        guard let fields = fields(of: node, in: "audience", allowed: Guidance.Audience.keys) else { return Guidance.Audience() }
        var audience = Guidance.Audience()
        for (key, _, value) in fields {
            let list = value.scalar != nil ? nonEmptyString(value, key: key).map { [$0] } : strings(value, key: key)?.map(\.value)
            guard let list, !list.isEmpty else {
                if value.scalar == nil { report(error(at: value, "'\(key)' must list at least one value")) }
                continue
            }
            audience.values[key] = list
        }
        return audience
    }

    /// `wait: 5` (seconds): how long a step's target may take to appear.
    mutating func waitSeconds(_ node: YAMLNode) -> Double? {
        guard let scalar = node.scalar, let seconds = Double(scalar.string), seconds > 0, seconds <= 60 else {
            report(error(at: node, "'wait' must be a number of seconds above 0 and at most 60, such as 3 or 0.5"))
            return nil
        }
        return seconds
    }

    mutating func productTarget(_ node: YAMLNode) -> Guidance.ProductTarget? {
        guard let fields = fields(of: node, in: "product", allowed: ["url", "selector", "open"]) else { return nil }
        var url: String?, selector: String?, selectorLocation = location(of: node), open: String?
        for (key, _, value) in fields {
            if key == "selector" { selectorLocation = location(of: value) }
            if key == "open" {
                open = nonEmptyString(value, key: "open")
                if let address = open, !(address.hasPrefix("/") || address.hasPrefix("https://") || address.hasPrefix("http://")) {
                    report(error(at: value, "'open' must be the screen's address: a path such as /portal, or an http(s) URL"))
                    open = nil
                }
                continue
            }
            if key == "url" {
                url = nonEmptyString(value, key: "url")
                if let pattern = url, !(pattern.hasPrefix("/") || pattern.hasPrefix("*") || pattern.hasPrefix("http://") || pattern.hasPrefix("https://")) {
                    report(error(at: value, "'url' must be a path such as /login or /k/*, or a whole URL such as https://*.example.com/login"))
                    url = nil
                }
            } else {
                selector = nonEmptyString(value, key: "selector")
                if let written = selector {
                    do throws(CSSSelector.Problem) {
                        _ = try CSSSelector(written)
                    } catch let problem {
                        report(error(at: value, "'selector' is not a CSS selector a browser accepts: \(problem.message) (at character \(problem.offset + 1) of '\(written)')"))
                        selector = nil
                    }
                }
            }
        }
        require(["url", "selector"], in: fields, of: node, "'product'")
        guard let url, let selector else { return nil }
        return Guidance.ProductTarget(url: url, selector: selector, selectorLocation: selectorLocation, open: open)
    }
}
