import Foundation

/// Resolves what writers link to (relative `.md` paths, images beside articles, headings) to
/// pages and files of the built site, and builds the relative URLs that make the output work
/// at any sub-path and from disk.
public struct LinkResolver: Sendable {
    private let articleURLs: [String: String]
    /// Categories and sections, whose folders are pages.
    private let folderIDs: Set<String>
    private let assets: Set<String>
    /// The language folders of a site with several languages.
    private let languageFolders: Set<String>
    private let unpublished: [String: String]

    public init(site: LoadedSite) {
        articleURLs = Dictionary(site.articles.map { ($0.id, $0.urlPath) }, uniquingKeysWith: { first, _ in first })
        folderIDs = Set(site.categories.map(\.id) + site.sections.map(\.id))
        assets = site.assets
        languageFolders = site.config.languages.count > 1 ? Set(site.config.translationLanguages) : []
        unpublished = site.unpublished
    }

    /// The site-relative page path of an article (`login/signin/`).
    public func urlPath(ofArticle id: String) -> String? { articleURLs[id] }

    /// What `destination`, written in the article `fromID`, points to.
    public func target(of destination: String, from fromID: String) -> LinkTarget {
        if Self.starts(destination, with: "#") {
            return .fragment(Self.decoded(String(destination.dropFirst())))
        }
        if Self.starts(destination, with: "//") { return .external }
        if let scheme = URLScheme.of( destination) {
            return Self.safeSchemes.contains(scheme.lowercased()) ? .external : .unsafe(scheme: scheme)
        }
        var path = Substring(destination)
        var fragment: String?
        if let hash = ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: path) {
            fragment = Self.decoded(String(path[path.index(after: hash)...]))
            path = path[..<hash]
        }
        if let query = ByteSearch.firstIndex(of: UInt8(ascii: "?"), in: path) { path = path[..<query] }
        let folder = ByteSearch.lastIndex(of: UInt8(ascii: "/"), in: fromID).map { fromID[..<$0] } ?? ""
        guard let joined = Self.join(base: path.utf8.first == UInt8(ascii: "/") ? "" : folder, Self.decoded(String(path))) else {
            return .missing(destination)
        }
        // In a translation, a path names what the original's would: its language's own, else the
        // original (images are shared that way; for articles the link check warns).
        if languageFolders.isEmpty { return target(ofPath: joined, fragment: fragment) ?? .missing(destination) }
        for resolved in candidates(joined, from: fromID) {
            if let target = target(ofPath: resolved, fragment: fragment) { return target }
        }
        return .missing(destination)
    }

    /// The URL to write in a page whose path to the site root is `rootPrefix` (`../../`).
    public func href(for target: LinkTarget, destination: String, rootPrefix: String) -> String? {
        switch target {
        case .article(let id, let fragment):
            return rootPrefix + (articleURLs[id] ?? "") + (fragment.map { "#" + $0 } ?? "")
        case .fragment(let fragment): return "#" + fragment
        case .category(let id, let fragment):
            return (id.isEmpty ? rootPrefix : rootPrefix + id + "/") + (fragment.map { "#" + $0 } ?? "")
        case .asset(let path): return rootPrefix + path
        case .external, .missing: return destination
        case .unsafe, .unpublished: return nil
        }
    }
}

extension LinkResolver {
    /// Joins a relative path to a folder under `Articles/`; nil when it climbs out of it. On
    /// contiguous UTF-8 bytes: every link of every article is joined, and splitting the paths
    /// into Characters, then into arrays of UTF-8 views, cost more than the rest of resolving.
    static func join(base: Substring, _ path: String) -> String? {
        var base = base, path = path
        let joined = base.withUTF8 { base in
            path.withUTF8 { path -> [UInt8]? in
                var out: [UInt8] = []
                out.reserveCapacity(base.count + path.count + 1)
                // Where each segment in `out` starts, so `..` can take the last one off.
                var starts: [Int] = []
                guard appendSegments(of: base, to: &out, starts: &starts, resolvingDots: false),
                      appendSegments(of: path, to: &out, starts: &starts, resolvingDots: true) else { return nil }
                if path.last == slash && !out.isEmpty { out.append(slash) }
                return out
            }
        }
        return joined.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Each non-empty segment between slashes, `.` skipped and `..` taking the last one off when
    /// `resolvingDots`; false when `..` has nothing left to take.
    private static func appendSegments(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], starts: inout [Int],
                                       resolvingDots: Bool) -> Bool {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: slash) ?? bytes.count
            defer { start = end + 1 }
            let length = end - start
            if length == 0 || (resolvingDots && length == 1 && bytes[start] == dot) { continue }
            if resolvingDots && length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                guard let last = starts.popLast() else { return false }
                out.removeSubrange(max(0, last - 1)...)
                continue
            }
            if !out.isEmpty { out.append(slash) }
            starts.append(out.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        return true
    }

    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// Whether `text` starts with the ASCII `prefix` as `hasPrefix` says, which compares
    /// Characters, on the first bytes when the one after them is ASCII (then nothing joins it to
    /// the prefix's last character), as on most links.
    static func starts(_ text: String, with prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        return text.withContiguousUTF8 { bytes in
            guard bytes.count >= length, memcmp(bytes.baseAddress!, prefix.utf8Start, length) == 0 else { return false }
            return bytes.count == length || bytes[length] < 0x80 ? true : text.hasPrefix(prefix.description)
        }
    }

    /// The path without its `.md`, or nil when it has none; as `hasSuffix(".md")` and
    /// `dropLast(3)` say, which compare and count Characters, on the last bytes when the byte
    /// before them is ASCII (nothing then joins the `.` to what precedes it), as on most links.
    static func markdownID(_ path: String) -> String? {
        path.withContiguousUTF8 { bytes -> String? in
            let count = bytes.count
            guard count >= 3, bytes[count - 3] == UInt8(ascii: "."), bytes[count - 2] == UInt8(ascii: "m"),
                  bytes[count - 1] == UInt8(ascii: "d") else { return nil }
            if count == 3 || bytes[count - 4] < 0x80 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(count - 3)]), as: UTF8.self) }
            return path.hasSuffix(".md") ? String(path.dropLast(3)) : nil
        }
    }
}

private extension LinkResolver {
    /// What a resolved path may name, in order: for a translation (`en/…`), its language's
    /// file first, then the original's; the path alone otherwise.
    func candidates(_ path: String, from fromID: String) -> [String] {
        guard !languageFolders.isEmpty, let slash = fromID.firstIndex(of: "/"), languageFolders.contains(String(fromID[..<slash])) else {
            return [path]
        }
        let lead = fromID[...slash]
        return path.hasPrefix(lead) ? [path, String(path.dropFirst(lead.count))] : [String(lead) + path, path]
    }

    func target(ofPath resolved: String, fragment: String?) -> LinkTarget? {
        if let id = Self.markdownID(resolved) {
            if articleURLs[id] != nil { return .article(id: id, fragment: fragment) }
            if let reason = unpublished[id] { return .unpublished(id: id, reason: reason) }
            // A folder's index.md is the introduction of its category's or section's page.
            let folder = id.split(separator: "/").dropLast().joined(separator: "/")
            if let name = id.split(separator: "/").last, Category.introductionFiles.contains(name + ".md"), folderIDs.contains(folder) {
                return .category(id: folder, fragment: fragment)
            }
            return nil
        }
        let trimmed = resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
        if folderIDs.contains(trimmed) { return .category(id: trimmed, fragment: fragment) }
        if trimmed.isEmpty || languageFolders.contains(trimmed) { return .category(id: trimmed, fragment: fragment) }
        if assets.contains(resolved) { return .asset(path: resolved) }
        // As VitePress, Docusaurus and Hugo writers link: `/guide/intro`, `./intro`, `intro.html`,
        // `intro/`. The link checker suggests the `.md` form.
        let page = trimmed.hasSuffix(".html") ? String(trimmed.dropLast(5)) : trimmed
        if articleURLs[page] != nil { return .article(id: page, fragment: fragment) }
        return nil
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func decoded(_ text: String) -> String {
        let unescaped = ByteSearch.text(text, contains: "%") ? text.removingPercentEncoding ?? text : text
        return unescaped.nfc
    }

}
