import Yams

/// Reads `tour:` and `hints:` from an article's front matter. Unlike other front matter keys,
/// an unknown key in a tour or hint is an error: a misspelt `selector` would otherwise leave a
/// hint silently pointing nowhere.
extension YAMLDocument {
    mutating func tour(_ node: Node) -> Guidance.Tour? {
        guard let fields = fields(of: node, in: "tour", allowed: ["title", "autostart", "steps"]) else { return nil }
        var tour = Guidance.Tour(steps: [])
        var sawSteps = false
        for (key, _, value) in fields {
            switch key {
            case "title": tour.title = nonEmptyString(value, key: "tour title")
            case "autostart": tour.autostart = bool(value, key: "autostart") ?? false
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

    static func position(_ position: (line: Int, column: Int)) -> Guidance.Position {
        Guidance.Position(line: position.line, column: position.column)
    }

    mutating func step(_ node: Node) -> Guidance.Step? {
        guard let fields = fields(of: node, in: "a tour step", allowed: ["title", "body", "product"] + Self.pageTargetKeys)
        else { return nil }
        var title: String?, body: String?, bodyPosition = Guidance.Position(line: 0, column: 0)
        var product: Guidance.ProductTarget?
        for (key, _, value) in fields {
            switch key {
            case "title": title = nonEmptyString(value, key: "title")
            case "body":
                body = nonEmptyString(value, key: "body")
                bodyPosition = Self.position(position(of: value))
            case "product": product = productTarget(value)
            default: break
            }
        }
        let page = pageTarget(fields, in: node)
        let (line, column) = position(of: node)
        if title == nil && !fields.contains(where: { $0.key == "title" }) { report(error(at: node, "a tour step needs a 'title'")) }
        if body == nil && !fields.contains(where: { $0.key == "body" }) { report(error(at: node, "a tour step needs a 'body'")) }
        if page == nil && !fields.contains(where: { Self.pageTargetKeys.contains($0.key) }) {
            report(error(at: node, "a tour step needs a target in the article: 'heading', 'step' or 'image'"))
        }
        guard let title, let body, let page else { return nil }
        return Guidance.Step(title: title, body: body, page: page, product: product,
                             position: .init(line: line, column: column), bodyPosition: bodyPosition)
    }

    mutating func hint(_ node: Node) -> Guidance.Hint? {
        guard let fields = fields(of: node, in: "a hint", allowed: ["text", "product"] + Self.pageTargetKeys) else { return nil }
        var text: String?, textPosition = Guidance.Position(line: 0, column: 0)
        var product: Guidance.ProductTarget?
        for (key, _, value) in fields {
            switch key {
            case "text":
                text = nonEmptyString(value, key: "text")
                textPosition = Self.position(position(of: value))
            case "product": product = productTarget(value)
            default: break
            }
        }
        let page = pageTarget(fields, in: node)
        let (line, column) = position(of: node)
        if text == nil && !fields.contains(where: { $0.key == "text" }) { report(error(at: node, "a hint needs a 'text'")) }
        let hasTarget = fields.contains { Self.pageTargetKeys.contains($0.key) || $0.key == "product" }
        if !hasTarget { report(error(at: node, "a hint needs a target: 'heading', 'step' or 'image' in the article, or 'product'")) }
        guard let text, page != nil || product != nil else { return nil }
        return Guidance.Hint(text: text, page: page, product: product, position: .init(line: line, column: column), textPosition: textPosition)
    }

    /// The one of `heading`, `step` and `image` an entry has.
    mutating func pageTarget(_ fields: [(key: String, keyNode: Node, value: Node)], in node: Node) -> Guidance.PageTarget? {
        let targets = fields.filter { Self.pageTargetKeys.contains($0.key) }
        if targets.count > 1 {
            report(error(at: targets[1].keyNode, "only one target in the article: 'heading', 'step' or 'image'"))
        }
        guard let (key, _, value) = targets.first else { return nil }
        let (line, column) = position(of: value)
        let position = Guidance.Position(line: line, column: column)
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

    mutating func productTarget(_ node: Node) -> Guidance.ProductTarget? {
        guard let fields = fields(of: node, in: "product", allowed: ["url", "selector"]) else { return nil }
        var url: String?, selector: String?
        for (key, _, value) in fields {
            if key == "url" { url = nonEmptyString(value, key: "url") } else { selector = nonEmptyString(value, key: "selector") }
        }
        for (key, found) in [("url", url), ("selector", selector)] where found == nil && !fields.contains(where: { $0.key == key }) {
            report(error(at: node, "'product' needs a '\(key)'"))
        }
        if let url, !(url.hasPrefix("/") || url.hasPrefix("*") || url.hasPrefix("http://") || url.hasPrefix("https://")) {
            report(error(at: node.mapping?.first { $0.key.scalar?.string == "url" }?.value ?? node,
                         "'url' must be a path such as /login or /k/*, or a whole URL such as https://*.example.com/login"))
            return nil
        }
        guard let url, let selector else { return nil }
        return Guidance.ProductTarget(url: url, selector: selector)
    }

    /// A mapping's keys and values; unknown keys are errors.
    mutating func fields(of node: Node, in context: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            report(error(at: node, "\(context) must be a mapping of keys to values"))
            return nil
        }
        var fields: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, allowed.contains(key) else {
                let known = allowed.map { "'\($0)'" }.joined(separator: ", ")
                report(error(at: keyNode, "unknown key '\(keyNode.scalar?.string ?? "?")' in \(context); known keys: \(known)"))
                continue
            }
            fields.append((key, keyNode, value))
        }
        return fields
    }
}
