import Foundation

/// `tebiki check --fix-links`: rewrites links written the way other tools link
/// (`/guide/intro`, `intro.html#steps`, VitePress's `#build-target`) to the relative `.md` paths
/// and heading ids they stand for. The one
/// thing Tebiki writes into `Articles/`, and only when asked: each file is replaced whole and
/// at once, with every byte but the rewritten destinations as it was.
public enum LinkFixer {
    public struct Change: Sendable, Equatable {
        public var location: SourceLocation
        public var from: String
        public var to: String
    }

    /// The rewrites the links of `articles` call for: the `.md` form of links written as other
    /// tools link, and Tebiki's ids for fragments written with VitePress's.
    public static func changes(_ articles: [ParsedArticle]) -> [Change] {
        let otherToolIDs = LinkChecker.otherToolIDs(articles, headingIDs: LinkChecker.headingIDs(articles))
        var changes: [Change] = []
        for article in articles {
            for link in article.body.links where link.kind == .link {
                guard let suggested = LinkChecker.suggestedDestination(link, in: article, otherToolIDs: otherToolIDs) else { continue }
                changes.append(Change(location: link.location, from: link.destination, to: suggested))
            }
        }
        return changes.sorted { $0.location < $1.location }
    }

    /// Applies `changes` to the files under `root`. Returns the changes made, and a problem for
    /// each link whose destination could not be found as written (a reference definition, say).
    public static func apply(_ changes: [Change], root: URL) -> (made: [Change], problems: [Diagnostic]) {
        var made: [Change] = []
        var problems: [Diagnostic] = []
        for (path, fileChanges) in Dictionary(grouping: changes, by: \.location.path).sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                problems.append(.about(.error, .unreadableFile, path, "cannot read the file to fix its links"))
                continue
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var fileMade: [Change] = []
            // From the end, so earlier positions on a line stay where they were.
            for change in fileChanges.sorted(by: { $1.location < $0.location }) {
                let index = change.location.line - 1
                guard lines.indices.contains(index), let fixed = rewrite(lines[index], change) else {
                    problems.append(.warning(.linkOtherTool, at: change.location,
                                             "could not rewrite '\(change.from)' where it is written; change it to '\(change.to)' by hand"))
                    continue
                }
                lines[index] = fixed
                fileMade.append(change)
            }
            guard !fileMade.isEmpty else { continue }
            do {
                try replace(url, with: Data(lines.joined(separator: "\n").utf8))
                made += fileMade.reversed()
            } catch {
                problems.append(.about(.error, .writeFailed, path, "could not write the fixed file: \(error.localizedDescription)"))
            }
        }
        return (made, problems)
    }
}

private extension LinkFixer {
    /// The line with the link's destination, written `](dest` or `](<dest>` after its column, replaced.
    static func rewrite(_ line: String, _ change: Change) -> String? {
        let scalars = line.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: change.location.column - 1, limitedBy: scalars.endIndex) else { return nil }
        let rest = line[start...]
        for opening in ["](", "](<"] {
            guard let found = rest.range(of: opening + change.from) else { continue }
            let destination = line.index(found.lowerBound, offsetBy: opening.count)..<found.upperBound
            let after = line[found.upperBound...].first
            guard after == ")" || after == " " || after == ">" || after == "\t" else { continue }
            return line.replacingCharacters(in: destination, with: change.to)
        }
        return nil
    }

    /// Writes beside the file, then renames over it: a reader sees the old file or the new one.
    static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tebiki-fix-\(getpid())")
        try data.write(to: temporary)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let permissions = attributes?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
