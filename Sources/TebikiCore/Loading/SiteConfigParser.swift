import Foundation

extension SiteConfig {
    static let baseURLRule = "must be an absolute http(s) URL such as https://example.com/help/"

    /// The base URL with a trailing slash, or nil when it is not an absolute http(s) URL; one
    /// rule for `tebiki.yml` and `--base-url`.
    static func baseURL(_ text: String) -> String? {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Reads `tebiki.yml` text; problems are returned, never thrown, so the build can go on
    /// collecting the rest.
    static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var yaml = YAMLDocument(text: text, path: path, lineOffset: 0, code: .configInvalid)
        var config = SiteConfig()
        // `language:` and `languages:` say the same thing: the second one written is the error.
        var languageKey: String?
        func claimLanguage(_ key: String, at node: YAMLNode) -> Bool {
            if let first = languageKey {
                yaml.report(yaml.error(at: node, "'\(key)' and '\(first)' both set the site's languages: keep one ('languages: [ja, en]' for several)"))
                return false
            }
            languageKey = key
            return true
        }
        func isLanguageCode(_ code: String, node: YAMLNode) -> Bool {
            guard code.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
                yaml.report(yaml.error(at: node, "'\(code)' is not a language code such as ja, en or zh-TW"))
                return false
            }
            return true
        }
        var perLanguageKeys: [(String, YAMLNode)] = []
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title" where value.mapping != nil:
                for (languageNode, titleNode) in value.mapping! {
                    guard let language = languageNode.scalar?.string, let title = yaml.nonEmptyString(titleNode, key: key) else { continue }
                    config.titles[language] = title
                }
            case "title": config.title = yaml.nonEmptyString(value, key: key)
            case "product":
                guard let fields = yaml.fields(of: value, in: "'product'", allowed: ["screens"]) else { continue }
                for (_, _, screens) in fields {
                    guard let items = screens.sequence else {
                        yaml.report(yaml.error(at: screens, "'screens' must be a list of {url, files}"))
                        continue
                    }
                    for item in items {
                        guard let entry = yaml.fields(of: item, in: "a screen", allowed: ["url", "files"]) else { continue }
                        yaml.require(["url", "files"], in: entry, of: item, "a screen")
                        let url = entry.first { $0.key == "url" }.flatMap { yaml.nonEmptyString($0.value, key: "url") }
                        let files = entry.first { $0.key == "files" }.flatMap { yaml.strings($0.value, key: "files") }?.map(\.value) ?? []
                        if let url, !files.isEmpty { config.productScreens.append(.init(url: url, files: files, location: yaml.location(of: item))) }
                    }
                }
            case "description": config.description = yaml.optionalString(value, key: key)
            case "timeZone":
                if let name = yaml.nonEmptyString(value, key: key) {
                    if let zone = TimeZone(identifier: name) { config.timeZone = zone } else {
                        yaml.report(yaml.error(at: value, "'timeZone' must be a time zone name such as Asia/Tokyo, UTC or Europe/Berlin"))
                    }
                }
            case "language":
                guard claimLanguage(key, at: keyNode), let language = yaml.nonEmptyString(value, key: key),
                      isLanguageCode(language, node: value) else { continue }
                config.languages = [language]
                config.languagesLocation = yaml.location(of: keyNode)
            case "languages":
                guard claimLanguage(key, at: keyNode), let list = yaml.strings(value, key: key) else { continue }
                var seen: Set<String> = []
                var languages: [String] = []
                for (code, node) in list where isLanguageCode(code, node: node) {
                    if !seen.insert(code.lowercased()).inserted {
                        yaml.report(yaml.error(at: node, "'\(code)' is listed twice in 'languages'"))
                    } else {
                        languages.append(code)
                    }
                }
                if languages.isEmpty {
                    yaml.report(yaml.error(at: value, "'languages' needs at least one language code, the first being the default"))
                } else {
                    config.languages = languages
                    config.languagesLocation = yaml.location(of: keyNode)
                }
            case "baseURL":
                if let base = yaml.nonEmptyString(value, key: key) {
                    if let url = Self.baseURL(base) {
                        config.baseURL = url
                    } else {
                        yaml.report(yaml.error(at: value, "'baseURL' \(Self.baseURLRule)"))
                    }
                }
            case "theme":
                if let theme = yaml.nonEmptyString(value, key: key) {
                    if theme.contains("/") || theme.hasPrefix(".") {
                        yaml.report(yaml.error(at: value, "'theme' must be the name of a folder in Themes/"))
                    } else {
                        config.theme = theme
                        config.themeLocation = yaml.location(of: value)
                    }
                }
            case "output": config.output = yaml.nonEmptyString(value, key: key) ?? config.output
            case "rawHTML": config.rawHTML = yaml.bool(value, key: key) ?? false
            case "backlinks": config.backlinks = yaml.bool(value, key: key) ?? true
            case "relatedCount":
                if let count = yaml.int(value, key: key) {
                    if (0...20).contains(count) {
                        config.relatedCount = count
                    } else {
                        yaml.report(yaml.error(at: value, "'relatedCount' must be between 0 and 20"))
                    }
                }
            case "warnings": config.warnings = Self.warningLevels(value, in: &yaml)
            case "variables": config.variables = Self.variables(value, in: &yaml)
            case "image":
                if let image = yaml.nonEmptyString(value, key: key) {
                    if let scheme = URLScheme.of(image), !["http", "https"].contains(scheme.lowercased()) {
                        yaml.report(yaml.error(at: value, "'image' must be a path in the site, such as images/card.png, or an http(s) URL"))
                    } else {
                        config.image = image.hasPrefix("/") ? String(image.dropFirst()) : image
                    }
                }
            case "editURL":
                if let url = yaml.nonEmptyString(value, key: key) {
                    if !url.contains("{path}") {
                        yaml.report(yaml.error(at: value, "'editURL' needs '{path}' where the article's path goes, e.g. https://github.com/org/repo/edit/main/Articles/{path}"))
                    } else if Self.baseURL(url.replacingOccurrences(of: "{path}", with: "x")) == nil {
                        yaml.report(yaml.error(at: value, "'editURL' must be an absolute http(s) URL"))
                    } else {
                        config.editURL = url
                    }
                }
            // Read once the languages are known, wherever they are written.
            case "feedback", "support", "words": perLanguageKeys.append((key, value))
            default:
                yaml.report(yaml.error(at: keyNode, "unknown key '\(key)' (known keys: \(keys.joined(separator: ", ")))"))
            }
        }
        for (key, value) in perLanguageKeys {
            switch key {
            case "feedback": Self.feedback(value, into: &config, in: &yaml)
            case "support": Self.support(value, into: &config, in: &yaml)
            default: Self.words(value, into: &config, in: &yaml)
            }
        }
        if config.title == nil { config.title = config.titles[config.language] }
        return (config, yaml.diagnostics)
    }
}

private extension SiteConfig {
    /// `feedback: false`, or `feedback: {endpoint: https://…, reasons: [...]}`.
    static func feedback(_ node: YAMLNode, into config: inout SiteConfig, in yaml: inout YAMLDocument) {
        if node.scalar != nil {
            config.feedback.enabled = yaml.bool(node, key: "feedback") ?? true
            return
        }
        guard let fields = yaml.fields(of: node, in: "'feedback'", allowed: ["endpoint", "reasons"]) else { return }
        for (key, _, value) in fields {
            switch key {
            case "endpoint":
                guard let endpoint = yaml.nonEmptyString(value, key: "endpoint") else { continue }
                if isFeedbackEndpoint(endpoint) {
                    config.feedback.endpoint = endpoint
                } else {
                    yaml.report(yaml.error(at: value, "'endpoint' must be an https:// URL (or http://localhost for testing): votes must not travel in the clear"))
                }
            default:
                for (language, words) in perLanguage(value, key: "reasons", languages: config.languages, in: &yaml) {
                    guard let list = yaml.strings(words, key: "reasons") else { continue }
                    let most = ThemeStrings.maxFeedbackReasons
                    if list.isEmpty || list.count > most {
                        yaml.report(yaml.error(at: words, "'reasons' must list 1 to \(most) reasons"))
                        continue
                    }
                    // The built-in reasons beyond the list are blanked, so only the site's show.
                    for index in 0..<most {
                        config.words[language, default: [:]]["feedbackReason\(index + 1)"] = index < list.count ? list[index].value : ""
                    }
                }
            }
        }
    }

    /// `support: {url: https://…, label: お問い合わせ}`; the label may be one per language.
    static func support(_ node: YAMLNode, into config: inout SiteConfig, in yaml: inout YAMLDocument) {
        guard let fields = yaml.fields(of: node, in: "'support'", allowed: ["url", "label"]) else { return }
        yaml.require(["url"], in: fields, of: node, "'support'")
        for (key, _, value) in fields {
            if key == "url" {
                guard let url = yaml.nonEmptyString(value, key: "url") else { continue }
                let scheme = URLScheme.of(url)?.lowercased()
                if scheme.map({ ["http", "https", "mailto"].contains($0) }) == true {
                    config.supportURL = url
                } else {
                    yaml.report(yaml.error(at: value, "'url' must be an http(s) or mailto: address\(scheme.map { ", not \($0):" } ?? "")"))
                }
            } else {
                for (language, label) in perLanguage(value, key: "label", languages: config.languages, in: &yaml) {
                    if let text = yaml.nonEmptyString(label, key: "label") { config.words[language, default: [:]]["supportLabel"] = text }
                }
            }
        }
    }

    /// `words: {searchLabel: …}` for the default language, or `words: {ja: {…}, en: {…}}`.
    static func words(_ node: YAMLNode, into config: inout SiteConfig, in yaml: inout YAMLDocument) {
        guard let mapping = node.mapping else {
            yaml.report(yaml.error(at: node, "'words' must map theme words to text, e.g. searchPlaceholder: 例: 請求書"))
            return
        }
        let byLanguage = mapping.contains { key, value in value.mapping != nil && config.languages.contains(key.scalar?.string ?? "") }
        let groups: [(String, YAMLNode)] = byLanguage
            ? mapping.map { ($0.key.scalar?.string ?? "", $0.value) } : [(config.language, node)]
        let known = Set(ThemeStrings.keys)
        for (language, words) in groups {
            guard config.languages.contains(language), let entries = words.mapping else {
                yaml.report(yaml.error(at: words, "'words' for '\(language)': not one of the site's languages (\(config.languages.joined(separator: ", ")))"))
                continue
            }
            for (keyNode, value) in entries {
                let name = keyNode.scalar?.string ?? ""
                guard known.contains(name) else {
                    yaml.report(yaml.error(at: keyNode, "unknown theme word '\(name)'; the README lists the words a site can change"))
                    continue
                }
                if let text = yaml.nonEmptyString(value, key: name) { config.words[language, default: [:]][name] = text }
            }
        }
    }

    /// A value written once for the default language, or as a mapping of language codes.
    static func perLanguage(_ node: YAMLNode, key: String, languages: [String], in yaml: inout YAMLDocument) -> [(String, YAMLNode)] {
        guard let mapping = node.mapping else { return [(languages[0], node)] }
        var found: [(String, YAMLNode)] = []
        for (languageNode, value) in mapping {
            let language = languageNode.scalar?.string ?? ""
            if languages.contains(language) {
                found.append((language, value))
            } else {
                yaml.report(yaml.error(at: languageNode, "'\(key)' for '\(language)': not one of the site's languages (\(languages.joined(separator: ", ")))"))
            }
        }
        return found
    }

    /// https anywhere; http only to this machine, where a team tries a receiver out.
    static func isFeedbackEndpoint(_ text: String) -> Bool {
        guard let url = URL(string: text), let host = url.host?.lowercased(), !host.isEmpty else { return false }
        switch url.scheme?.lowercased() {
        case "https": return true
        case "http": return ["localhost", "127.0.0.1", "[::1]", "::1"].contains(host)
        default: return false
        }
    }

    /// `variables: {product: kintone, support_email: help@example.com}`.
    static func variables(_ node: YAMLNode, in yaml: inout YAMLDocument) -> TextVariables {
        guard let mapping = node.mapping else {
            yaml.report(yaml.error(at: node, "'variables' must map names to text, e.g. product: kintone"))
            return TextVariables()
        }
        var values: [String: String] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            guard !name.isEmpty, TextVariables(["x": ""]).substitute("{{\(name)}}").unknown.map(\.name) == [name] else {
                yaml.report(yaml.error(at: keyNode, "variable names are letters, digits, '_', '-' and '.': '\(name)' is not one"))
                continue
            }
            guard let text = value.scalar?.string else {
                yaml.report(yaml.error(at: value, "'\(name)' must be text"))
                continue
            }
            values[name] = text
        }
        return TextVariables(values)
    }

    /// `warnings: {missing-description: off, orphan-article: error}`.
    static func warningLevels(_ node: YAMLNode, in yaml: inout YAMLDocument) -> [DiagnosticCode: WarningLevel] {
        guard let mapping = node.mapping else {
            yaml.report(yaml.error(at: node, "'warnings' must map warning codes to off, warning or error, e.g. missing-description: off"))
            return [:]
        }
        var levels: [DiagnosticCode: WarningLevel] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            guard let code = DiagnosticCode(rawValue: name) else {
                yaml.report(yaml.error(at: keyNode, "unknown warning code '\(name)'; the README lists every code"))
                continue
            }
            guard let level = value.scalar.flatMap({ WarningLevel(rawValue: $0.string) }) else {
                yaml.report(yaml.error(at: value, "'\(name)' must be off, warning or error"))
                continue
            }
            if !code.isWarning && level != .error {
                yaml.report(yaml.error(at: keyNode, "'\(name)' is an error, which cannot be turned off"))
                continue
            }
            levels[code] = level
        }
        return levels
    }
}
