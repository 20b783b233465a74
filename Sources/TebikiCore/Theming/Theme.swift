import DefaultTheme
import Foundation

/// A theme: Mustache templates and static assets. A site's `Themes/<name>/` overrides the
/// bundled default theme file by file, so a writer copies only what they change.
public struct Theme: Sendable {
    /// The templates with each language's words folded in, by language code.
    let libraries: [String: MustacheLibrary]
    /// Static files to publish, by their path in the output (`assets/style.css`) to where they are read from.
    public let assets: [(outputPath: String, source: URL)]

    static let templateNames = ["home", "category", "article", "404", "redirect", "search"]

    /// Loads the theme named in the config; problems are returned with the file they are in.
    public static func load(site: LoadedSite) -> (Theme?, [Diagnostic]) {
        var files: [String: (url: URL, display: String)] = [:]
        var walk = FolderWalk()
        if let bundled = DefaultTheme.directory {
            for relative in walk.files(under: bundled.path, relative: "", display: "Themes/default") {
                files[relative] = (bundled.appendingPathComponent(relative), "Themes/default/\(relative)")
                // Also as `default/<name>`, so a theme's page can be the bundled one with a block replaced.
                if relative.hasPrefix("templates/") && relative.hasSuffix(".mustache") {
                    files["templates/default/" + relative.dropFirst("templates/".count)] = files[relative]
                }
            }
        }
        let siteTheme = site.root.appendingPathComponent(SiteLayout.themesFolder).appendingPathComponent(site.config.theme)
        if isDirectory(siteTheme) {
            for relative in walk.files(under: siteTheme.path, relative: "", display: "Themes/\(site.config.theme)") {
                files[relative] = (siteTheme.appendingPathComponent(relative), "Themes/\(site.config.theme)/\(relative)")
            }
        } else if site.config.theme != "default" {
            return (nil, [.error(.themeMissing, at: site.config.themeLocation,
                                 "theme '\(site.config.theme)' not found: no folder Themes/\(site.config.theme)/")])
        }

        var diagnostics = walk.diagnostics
        var texts: [String: (text: String, display: String)] = [:]
        var assets: [(String, URL)] = []
        for (relative, file) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("templates/") && relative.hasSuffix(".mustache") {
                let name = String(relative.dropFirst("templates/".count).dropLast(".mustache".count))
                let text: String
                switch TextFile.read(file.url.path, displayPath: file.display) {
                case .success(let read): text = read.text
                case .failure(let problem):
                    diagnostics.append(problem)
                    continue
                }
                texts[name] = (text, file.display)
            } else if relative.hasPrefix("assets/") {
                assets.append((relative, file.url))
            }
        }
        var words: [String: [String: String]] = [:]
        for language in site.config.languages {
            let (found, problems) = ThemeStrings.words(for: language, files: files, theme: site.config.theme)
            words[language] = found
            diagnostics += problems
        }
        // Parsed as written first, so a problem is reported where the writer sees it.
        var parsed: [String: MustacheTemplate] = [:]
        for (name, file) in texts.sorted(by: { $0.key < $1.key }) {
            do throws(MustacheTemplate.Problem) {
                let template = try MustacheTemplate(file.text)
                parsed[name] = template
                for reference in template.references where texts[reference.name] == nil {
                    diagnostics.append(.error(.templateError, file.display, line: reference.line, column: reference.column,
                                              "template error: no template '\(reference.name)' to include: add Themes/\(site.config.theme)/templates/\(reference.name).mustache"))
                }
            } catch {
                diagnostics.append(.error(.templateError, file.display, line: error.line, column: error.column, "template error: \(error.message)"))
            }
        }
        if !diagnostics.hasErrors { diagnostics += undefinedNames(MustacheNameCheck(templates: parsed), texts: texts) }
        var libraries: [String: MustacheLibrary] = [:]
        // The words are folded into the templates, the site's own (`words:`) over the theme's.
        var worded = site
        worded.themeWords = words
        for language in site.config.languages where !diagnostics.hasErrors {
            let constants = siteConstants(site, strings: worded.strings(for: language), language: language)
            libraries[language] = try? MustacheLibrary(texts.mapValues { fold($0.text, constants) })
        }
        for name in templateNames where texts[name] == nil && !diagnostics.hasErrors {
            diagnostics.append(.error(.templateMissing, "Themes/\(site.config.theme)/templates/\(name).mustache", "the theme has no '\(name)' template"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Theme(libraries: libraries, assets: assets, words: words), diagnostics)
    }

    /// The words a theme's `strings/<code>.yml` gives, by language code; none for a language
    /// whose words are the built-in ones.
    public let words: [String: [String: String]]

    /// A page as UTF-8.
    func render(_ template: String, _ context: MustacheObject, language: String) -> [UInt8] {
        (libraries[language] ?? libraries.first?.value)?.renderUTF8(template, .object(context)) ?? []
    }
}

extension Theme {
    /// Writes site-wide constants into the template text before parsing: a page has dozens of
    /// the theme's words, and folded they are text, neither looked up nor escaped per page. The
    /// values stay in the context too, so sections over them keep working, and a value holding
    /// `{{` is left to it: folded, it would be parsed as a tag (a site title with `{{/x}}` made
    /// every page empty). Nothing after a delimiter change is folded.
    static func fold(_ text: String, _ constants: [String: String]) -> String {
        // Read on the UTF-8: Foundation's `range(of:)` measured the rest of the template as
        // UTF-16 on every tag.
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while let open = ByteSearch.firstIndex(of: "{{", in: bytes, from: index) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<open]))
                let afterOpen = open + 2
                // Past a delimiter change `{{name}}` is text, not a tag: the rest is left as it is.
                if afterOpen < bytes.count && bytes[afterOpen] == 0x3D {
                    index = open
                    break
                }
                guard afterOpen == bytes.count || bytes[afterOpen] != 0x7B, let close = ByteSearch.firstIndex(of: "}}", in: bytes, from: afterOpen) else {
                    out.append("{{")
                    index = afterOpen
                    continue
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[afterOpen..<close]), as: UTF8.self).trimmingSpaces()
                if let value = constants[String(name)], !ByteSearch.text(value, contains: "{{") {
                    HTMLEscaping.escape(value, into: &out)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open..<close + 2]))
                }
                index = close + 2
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}

private extension Theme {
    /// Names the page templates use that no page value defines, where the writer wrote them.
    static func undefinedNames(_ check: MustacheNameCheck, texts: [String: (text: String, display: String)]) -> [Diagnostic] {
        var seen: [MustacheNameCheck.Undefined] = []
        var diagnostics: [Diagnostic] = []
        for page in templateNames {
            guard let fields = PageFields.of(page) else { continue }
            for undefined in check.undefined(in: page, fields: fields) where !seen.contains(undefined) {
                seen.append(undefined)
                let display = texts[undefined.template]?.display ?? undefined.template
                diagnostics.append(.error(.templateError, display, line: undefined.line, column: undefined.column,
                                          "template error: no value named '\(undefined.name)' on the \(page) page (it renders as nothing): check its spelling"))
            }
        }
        return diagnostics
    }

    /// Values that are the same on every page of a language: the theme's words and the site's name.
    static func siteConstants(_ site: LoadedSite, strings: ThemeStrings, language: String) -> [String: String] {
        var constants = ["site.title": strings.title(site: site.config.title(in: language)), "site.language": language]
        for (key, value) in strings.all { constants["strings." + key] = value }
        return constants
    }
}
