import Foundation

/// An article file cut into its front matter and Markdown body.
struct FrontMatterSplit: Equatable {
    /// The YAML text between the fences, or nil when the file has no front matter.
    var yaml: String?
    var body: Substring
    /// Lines of the file before the body; add it to a body line to get the file line.
    var bodyLineOffset: Int

    /// Lines are found on the UTF-8 bytes, with memchr: `\n` is one byte, and reading Characters
    /// to find it cost 2 % of a build, reading the UTF-8 view 0.5 %.
    init(_ text: String) {
        var whole = text[...]
        if whole.hasPrefix("\u{FEFF}") { whole = whole.dropFirst() }
        let bytes = whole.utf8
        guard let firstEnd = ByteSearch.firstIndex(of: 0x0A, in: whole), Self.isFence(bytes[..<firstEnd], dots: false) else {
            yaml = nil
            body = whole
            bodyLineOffset = 0
            return
        }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < bytes.endIndex {
            let lineEnd = ByteSearch.firstIndex(of: 0x0A, in: whole[lineStart...]) ?? bytes.endIndex
            if Self.isFence(bytes[lineStart..<lineEnd], dots: true) {
                yaml = String(Substring(bytes[yamlStart..<lineStart]))
                body = lineEnd < bytes.endIndex ? Substring(bytes[bytes.index(after: lineEnd)...]) : ""
                bodyLineOffset = lineNumber
                return
            }
            lineNumber += 1
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
        }
        // An opening fence with no closing one: treat it all as unterminated front matter.
        yaml = String(Substring(bytes[yamlStart...]))
        body = ""
        bodyLineOffset = -1
    }

    var isUnterminated: Bool { bodyLineOffset < 0 }
}

extension FrontMatter {
    /// Reads the YAML of an article's front matter; the YAML starts on line 2 of the file.
    /// `titleFromHeading`: the body's first heading can stand in for a missing `title:`.
    static func parse(_ yamlText: String, path: String, titleFromHeading: Bool = false) -> (FrontMatter, [Diagnostic]) {
        var yaml = YAMLDocument(text: yamlText, path: path, lineOffset: 1, code: .frontMatterInvalid)
        var matter = FrontMatter()
        var sawTitle = false
        var sawDescription = false
        for (key, keyNode, value) in yaml.pairs {
            switch key {
            case "title":
                sawTitle = true
                matter.title = yaml.nonEmptyString(value, key: key) ?? ""
            case "linkTitle": matter.linkTitle = yaml.nonEmptyString(value, key: key)
            case "description", "summary":
                if sawDescription {
                    yaml.report(yaml.warning(at: keyNode, .duplicateDescription, "both 'description' and 'summary' are set; the first one is used"))
                } else {
                    sawDescription = true
                    matter.description = yaml.optionalString(value, key: key)
                }
            case "tags": matter.tags = yaml.strings(value, key: key)?.map(\.value) ?? []
            case "keywords": matter.keywords = yaml.strings(value, key: key)?.map(\.value) ?? []
            case "categories": _ = yaml.strings(value, key: key)  // the folder decides the category
            case "related": matter.related = references(yaml.strings(value, key: key), in: yaml)
            case "aliases": matter.aliases = references(yaml.strings(value, key: key), in: yaml)
            case "tour": matter.guidance.tour = yaml.tour(value)
            case "hints": matter.guidance.hints = yaml.hints(value)
            case "announcements": matter.guidance.announcements = yaml.announcements(value)
            case "weight": matter.weight = yaml.int(value, key: key)
            case "draft": matter.draft = yaml.bool(value, key: key) ?? false
            case "date": matter.date = yaml.date(value, key: key)
            case "lastmod": matter.lastmod = yaml.date(value, key: key)
            case "publishDate": matter.publishDate = yaml.date(value, key: key)
            case "expiryDate": matter.expiryDate = yaml.date(value, key: key)
            case "promoted": matter.promoted = yaml.bool(value, key: key) ?? false
            case "image":
                if let image = yaml.nonEmptyString(value, key: key) { matter.image = Reference(value: image, location: yaml.location(of: value)) }
            case "slug":
                if let slug = yaml.nonEmptyString(value, key: key) {
                    if let problem = URLSegment.problem(slug) {
                        yaml.report(yaml.error(at: value, "'slug' must be a single URL segment: it \(problem)"))
                    } else {
                        matter.slug = Reference(value: slug, location: yaml.location(of: value))
                    }
                }
            default:
                let owner = FrontMatter.otherToolsKeys[key].map { ": it is \($0)'s, not Tebiki's" } ?? ""
                yaml.report(yaml.warning(at: keyNode, .unknownFrontMatterKey, "unknown front matter key '\(key)' is ignored\(owner)"))
            }
        }
        var diagnostics = yaml.diagnostics
        if !sawTitle && !titleFromHeading && !(yaml.pairs.isEmpty && diagnostics.hasErrors) {
            diagnostics.append(.error(.titleMissing, path, line: 1, column: 1, "front matter has no 'title'"))
        }
        return (matter, diagnostics)
    }
}

private extension FrontMatter {
    static func references(_ values: [(value: String, node: YAMLNode)]?, in yaml: YAMLDocument) -> [Reference] {
        (values ?? []).map { value, node in
            Reference(value: value, location: yaml.location(of: node))
        }
    }
}

private extension FrontMatterSplit {
    /// `---` (or, closing, `...`) with nothing after it but spaces, tabs and carriage returns.
    static func isFence(_ line: Substring.UTF8View.SubSequence, dots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let last = line[line.index(before: end)]
            guard last == 0x20 || last == 0x09 || last == 0x0D else { break }
            end = line.index(before: end)
        }
        let trimmed = line[..<end]
        return trimmed.elementsEqual("---".utf8) || (dots && trimmed.elementsEqual("...".utf8))
    }
}
