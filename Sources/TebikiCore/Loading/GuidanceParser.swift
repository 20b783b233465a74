import Yams

/// Reads `tour:` and `hints:` from an article's front matter. Unlike other front matter keys,
/// an unknown key in a tour or hint is an error: a misspelt `selector` would otherwise leave a
/// hint silently pointing nowhere.
extension YAMLDocument {
    mutating func tour(_ node: Node) -> Guidance.Tour? {
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

    mutating func hints(_ node: Node) -> [Guidance.Hint] {
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

private extension YAMLDocument {
    static let pageTargetKeys = ["heading", "step", "image"]

    mutating func step(_ node: Node) -> Guidance.Step? {
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

    mutating func hint(_ node: Node) -> Guidance.Hint? {
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
    mutating func pageTarget(_ fields: [(key: String, keyNode: Node, value: Node)], in node: Node) -> Guidance.PageTarget? {
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
    mutating func audience(_ node: Node) -> Guidance.Audience {
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
    mutating func waitSeconds(_ node: Node) -> Double? {
        guard let scalar = node.scalar, let seconds = Double(scalar.string), seconds > 0, seconds <= 60 else {
            report(error(at: node, "'wait' must be a number of seconds above 0 and at most 60, such as 3 or 0.5"))
            return nil
        }
        return seconds
    }

    mutating func productTarget(_ node: Node) -> Guidance.ProductTarget? {
        guard let fields = fields(of: node, in: "product", allowed: ["url", "selector"]) else { return nil }
        var url: String?, selector: String?
        for (key, _, value) in fields {
            if key == "url" {
                url = nonEmptyString(value, key: "url")
                if let pattern = url, !(pattern.hasPrefix("/") || pattern.hasPrefix("*") || pattern.hasPrefix("http://") || pattern.hasPrefix("https://")) {
                    report(error(at: value, "'url' must be a path such as /login or /k/*, or a whole URL such as https://*.example.com/login"))
                    url = nil
                }
            } else {
                selector = nonEmptyString(value, key: "selector")
            }
        }
        require(["url", "selector"], in: fields, of: node, "'product'")
        guard let url, let selector else { return nil }
        return Guidance.ProductTarget(url: url, selector: selector)
    }
}
