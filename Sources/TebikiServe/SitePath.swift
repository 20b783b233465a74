import Foundation

/// A request path made safe to look up in the site: percent-decoded once, and refused when any
/// form of it could climb out of the site folder or name something other than a plain path.
enum SitePath {
    enum Refusal: Error, Equatable {
        case traversal
        case malformed
    }

    /// The site-relative path for a raw request path (`/login/signin/` → `login/signin/`).
    static func resolve(_ rawPath: String) -> Result<String, Refusal> {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .failure(.malformed) }
        // A second decoding step that reveals more escapes means the path was encoded twice to
        // slip something past a check like this one.
        if decoded.contains("%"), let again = decoded.removingPercentEncoding, again != decoded { return .failure(.traversal) }
        if decoded.contains("\\") || decoded.contains("\0") { return .failure(.traversal) }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .failure(.traversal) }
        if segments.dropLast().contains(where: \.isEmpty) { return .failure(.malformed) }
        return .success(String(decoded.dropFirst()))
    }

    /// Whether `file`, once every symbolic link in it is followed, is still inside one of `folders`.
    static func isInside(_ file: URL, _ folders: [URL]) -> Bool {
        guard let real = realPath(file.path) else { return false }
        return folders.contains { folder in
            guard let root = realPath(folder.path) else { return false }
            return real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }
}

private extension SitePath {
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
