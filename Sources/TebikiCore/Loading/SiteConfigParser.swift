import Foundation
import Yams

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
        func claimLanguage(_ key: String, at node: Node) -> Bool {
            if let first = languageKey {
                yaml.report(yaml.error(at: node, "'\(key)' and '\(first)' both set the site's languages: keep one ('languages: [ja, en]' for several)"))
                return false
            }
            languageKey = key
            return true
        }
        func isLanguageCode(_ code: String, node: Node) -> Bool {
            guard code.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
                yaml.report(yaml.error(at: node, "'\(code)' is not a language code such as ja, en or zh-TW"))
                return false
            }
            return true
        }
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title" where value.mapping != nil:
                for (languageNode, titleNode) in value.mapping! {
                    guard let language = languageNode.scalar?.string, let title = yaml.nonEmptyString(titleNode, key: key) else { continue }
                    config.titles[language] = title
                }
            case "title": config.title = yaml.nonEmptyString(value, key: key)
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
            default:
                yaml.report(yaml.error(at: keyNode, "unknown key '\(key)' (known keys: \(keys.joined(separator: ", ")))"))
            }
        }
        if config.title == nil { config.title = config.titles[config.language] }
        return (config, yaml.diagnostics)
    }
}

private extension SiteConfig {
    /// `variables: {product: kintone, support_email: help@example.com}`.
    static func variables(_ node: Yams.Node, in yaml: inout YAMLDocument) -> TextVariables {
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
    static func warningLevels(_ node: Yams.Node, in yaml: inout YAMLDocument) -> [DiagnosticCode: WarningLevel] {
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
