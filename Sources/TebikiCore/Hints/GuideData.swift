import Foundation

/// The data `guide.js` runs on, as JSON that is also safe inside a `<script>` element: on an
/// article page, the article's tour and hints with selectors into the page; in the product
/// widget, every tour step and hint that names a product screen, with its article.
enum GuideData {
    /// For one article page; nil when the article has neither a tour nor hints for the page.
    static func page(_ article: ParsedArticle, strings: ThemeStrings) -> String? {
        let guidance = article.guidance
        let steps = guidance.steps.filter { $0.selector != nil }
        let hints = guidance.hints.filter { $0.selector != nil }
        guard !steps.isEmpty || !hints.isEmpty else { return nil }
        var fields = ["\"mode\":\"page\"", "\"id\":" + JSONText.string(article.source.id), "\"strings\":" + self.strings(strings)]
        if !steps.isEmpty {
            let list = steps.map { object(["title": $0.title, "html": $0.html, "selector": $0.selector]) }
            fields.append("\"tour\":{\"title\":\(JSONText.string(guidance.tourTitle ?? strings["tourTitle"])),\"steps\":[\(list.joined(separator: ","))]}")
        }
        fields.append("\"hints\":[" + hints.map { object(["html": $0.html, "selector": $0.selector]) }.joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// For a language's `widget/tebiki.js` (`en/widget/tebiki.js`): its articles' tours and
    /// hints, with article URLs relative to the language's home, which the widget learns from
    /// its own address.
    static func widget(_ articles: [ParsedArticle], site: LoadedSite, language: String) -> String {
        let strings = site.strings(for: language)
        let prefix = site.urlPrefix(of: language)
        var used: [String] = []
        var tours: [String] = []
        var hints: [String] = []
        var announcements: [String] = []
        func articleNumber(_ article: ParsedArticle) -> Int {
            used.append(object(["id": article.source.id, "title": article.source.title, "url": HTMLEscaping.percentEncode(String(article.source.urlPath.dropFirst(prefix.count)))]))
            return used.count - 1
        }
        for index in articles.indices where !articles[index].guidance.isEmpty && site.language(ofPath: articles[index].source.id) == language {
            let article = articles[index], guidance = article.guidance
            let steps = guidance.steps.compactMap { step in
                step.product.map { target in
                    let fields = object(["title": step.title, "html": step.html, "url": target.url, "selector": target.selector, "open": target.open])
                    return step.wait.map { fields.dropLast() + ",\"wait\":\(Int(($0 * 1000).rounded()))}" } ?? fields
                }
            }
            let productHints = guidance.hints.compactMap { hint in
                hint.product.map { target in
                    let fields = object(["html": hint.html, "url": target.url, "selector": target.selector])
                    return hint.audience.values.isEmpty ? fields : fields.dropLast() + ",\"audience\":" + audience(hint.audience) + "}"
                }
            }
            let zone = site.config.timeZone
            let productAnnouncements = guidance.announcements.enumerated().map { index, announcement -> String in
                let written = announcement.written
                var fields = object(["id": "\(article.source.id)#\(index + 1)", "title": announcement.title, "html": announcement.html,
                                     "image": announcement.image, "action": announcement.action, "label": announcement.actionLabel,
                                     "url": written.url, "style": written.style.rawValue]).dropLast()
                if let from = written.from { fields += ",\"from\":\(milliseconds(from, zone: zone, end: false))" }
                if let until = written.until { fields += ",\"until\":\(milliseconds(until, zone: zone, end: true))" }
                if announcement.startsTour { fields += ",\"tour\":true" }
                if !written.once { fields += ",\"once\":false" }
                if !written.audience.values.isEmpty { fields += ",\"audience\":" + audience(written.audience) }
                return fields + "}"
            }
            guard !steps.isEmpty || !productHints.isEmpty || !productAnnouncements.isEmpty else { continue }
            let number = articleNumber(article)
            if !steps.isEmpty {
                tours.append("{\"article\":\(number),\"id\":\(JSONText.string(article.source.id)),"
                             + "\"title\":\(JSONText.string(guidance.tourTitle ?? article.source.title)),"
                             + "\"autostart\":\(guidance.autostart),"
                             + (guidance.audience.values.isEmpty ? "" : "\"audience\":\(audience(guidance.audience)),")
                             + "\"steps\":[\(steps.joined(separator: ","))]}")
            }
            hints += productHints.map { "{\"article\":\(number)," + $0.dropFirst() }
            announcements += productAnnouncements.map { "{\"article\":\(number)," + $0.dropFirst() }
        }
        return "{\"mode\":\"product\",\"site\":\(JSONText.string(strings.title(site: site.config.title(in: language)))),"
            + "\"strings\":\(self.strings(strings)),\"articles\":[\(used.joined(separator: ","))],"
            + "\"tours\":[\(tours.joined(separator: ","))],\"hints\":[\(hints.joined(separator: ","))],"
            + "\"announcements\":[\(announcements.joined(separator: ","))]}"
    }
}

private extension GuideData {
    /// A date as the widget compares it with the reader's clock: a day alone begins (or, for
    /// `until`, ends) at midnight in the site's time zone.
    static func milliseconds(_ date: Guidance.WrittenDate, zone: TimeZone, end: Bool) -> Int64 {
        switch date {
        case .moment(let moment): return Int64((moment.timeIntervalSince1970 * 1000).rounded())
        case .day(let year, let month, let day):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
            let moment = end ? calendar.date(byAdding: .day, value: 1, to: start) ?? start : start
            return Int64((moment.timeIntervalSince1970 * 1000).rounded())
        }
    }

    /// `{"plan":["trial"],"role":["admin"]}`, keys in order.
    static func audience(_ audience: Guidance.Audience) -> String {
        "{" + audience.values.sorted { $0.key < $1.key }.map { key, values in
            JSONText.string(key) + ":[" + values.map(JSONText.string).joined(separator: ",") + "]"
        }.joined(separator: ",") + "}"
    }

    static func strings(_ strings: ThemeStrings) -> String {
        object(Dictionary(uniqueKeysWithValues: ThemeStrings.guideKeys.map { ($0, strings[$0]) }))
    }

    /// An object of strings, keys in a fixed order so builds are byte for byte the same.
    static func object(_ fields: [String: String?]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.compactMap { key, value in
            value.map { "\"\(key)\":" + JSONText.string($0) }
        }.joined(separator: ",") + "}"
    }
}
