import Foundation

/// An article file cut into its front matter and Markdown body.
struct FrontMatterSplit: Equatable {
    /// The YAML text between the fences, or nil when the file has no front matter.
    var yaml: String?
    var body: Substring
    /// Lines of the file before the body; add it to a body line to get the file line.
    var bodyLineOffset: Int

    /// Lines are found on the contiguous UTF-8 bytes, with memchr: `\n` is one byte, and reading
    /// Characters to find it cost 2 % of a build; through the UTF-8 view, each fence check still
    /// cost more than a thousand instructions a line.
    init(_ text: String) {
        var whole = text[...]
        if whole.hasPrefix("\u{FEFF}") { whole = whole.dropFirst() }
        // Byte offsets in `whole`: where the YAML starts and ends, and where the body starts.
        let cut: (yaml: Range<Int>, body: Int?, lines: Int)? = whole.withUTF8 { bytes in
            guard let firstEnd = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 0),
                  Self.isFence(UnsafeBufferPointer(rebasing: bytes[..<firstEnd]), dots: false) else { return nil }
            var lineStart = firstEnd + 1
            var lineNumber = 2
            while lineStart < bytes.count {
                let lineEnd = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
                if Self.isFence(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), dots: true) {
                    return (firstEnd + 1..<lineStart, min(lineEnd + 1, bytes.count), lineNumber)
                }
                lineNumber += 1
                lineStart = min(lineEnd + 1, bytes.count)
            }
            return (firstEnd + 1..<bytes.count, nil, -1)
        }
        guard let cut else {
            yaml = nil
            body = whole
            bodyLineOffset = 0
            return
        }
        let utf8 = whole.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        yaml = String(Substring(utf8[index(cut.yaml.lowerBound)..<index(cut.yaml.upperBound)]))
        // An opening fence with no closing one: treat it all as unterminated front matter.
        body = cut.body.map { Substring(utf8[index($0)...]) } ?? ""
        bodyLineOffset = cut.lines
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
    static func isFence(_ line: UnsafeBufferPointer<UInt8>, dots: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        guard end == 3 else { return false }
        let mark = line[0]
        return (mark == UInt8(ascii: "-") || dots && mark == UInt8(ascii: ".")) && line[1] == mark && line[2] == mark
    }
}
