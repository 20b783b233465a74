import Foundation

/// `tebiki new`: starts an article with its front matter filled in, and its category and
/// section when they are new. Never overwrites a file.
public enum NewArticle {
    public enum Problem: Error, CustomStringConvertible {
        case badName(String)
        case emptyTitle
        case reservedFolder(String)
        case exists(String)
        case io(String)

        public var description: String {
            switch self {
            case .badName(let name):
                return "'\(name)' is not an article name: write <category>/<slug> or <category>/<section>/<slug>, e.g. login/reset-password"
            case .emptyTitle:
                return "the title is empty: give the article a title, or leave out --title to use its slug"
            case .reservedFolder(let name):
                return "the folder name '\(name)' is taken by the site's own \(name)/ folder; choose another name"
            case .exists(let path): return "\(path) already exists; choose another name"
            case .io(let message): return message
            }
        }
    }

    /// Creates `Articles/<category>/<slug>.md` or `Articles/<category>/<section>/<slug>.md`
    /// under `site`, or the same in a language folder (`en/<category>/<slug>`) when `languages`
    /// (the site's, the default first) lists it; returns the paths written, relative to the site folder.
    public static func create(_ name: String, title: String?, site: URL, languages: [String],
                              today: Date = Date()) throws(Problem) -> [String] {
        var parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // A language folder is neither a category nor a section, and gets no file of its own.
        let languageFolder = parts.count > 2 && languages.dropFirst().contains(parts[0]) ? parts.removeFirst() : nil
        let language = languageFolder ?? languages.first ?? "ja"
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy(isSafeSegment) else { throw .badName(name) }
        // Refused here rather than written for `check` to refuse afterwards.
        if let title, title.allSatisfy(\.isWhitespace) { throw .emptyTitle }
        let file = parts.removeLast()
        let slug = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        guard isSafeSegment(slug) else { throw .badName(name) }
        let reservedNames = SiteLayout.reservedFolders.union(languages.count > 1 ? languages : [])
        if let reserved = parts.first(where: reservedNames.contains) { throw .reservedFolder(reserved) }

        let top = [SiteLayout.articlesFolder] + (languageFolder.map { [$0] } ?? [])
        let articles = top.dropFirst().reduce(site.appendingPathComponent(SiteLayout.articlesFolder)) { $0.appendingPathComponent($1) }
        let folder = parts.reduce(articles) { $0.appendingPathComponent($1) }
        let articlePath = (top + parts + ["\(slug).md"]).joined(separator: "/")
        let articleURL = folder.appendingPathComponent("\(slug).md")
        guard !FileManager.default.fileExists(atPath: articleURL.path) else { throw .exists(articlePath) }

        var written: [String] = []
        do {
            // The category, then the section: each new folder gets its file, titled with its name.
            var url = articles
            for (depth, part) in parts.enumerated() {
                url.appendPathComponent(part)
                guard !FileManager.default.fileExists(atPath: url.path) else { continue }
                let fileName = depth == 0 ? Category.fileName : Section.fileName
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try "title: \(doubleQuoted(part))\ndescription:\n".write(to: url.appendingPathComponent(fileName), atomically: true, encoding: .utf8)
                written.append((top + parts.prefix(depth + 1) + [fileName]).joined(separator: "/"))
            }
            let japanese = language.lowercased().hasPrefix("ja")
            let text = """
                ---
                title: \(doubleQuoted(title ?? slug))
                description:
                tags: []
                date: \(today.isoDay)
                ---

                \(japanese ? "ここに本文を書きます。" : "Write the article here.")

                """
            // Created exclusively (O_EXCL), so a file that appeared meanwhile is never replaced.
            let descriptor = open(articleURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw errno == EEXIST ? Problem.exists(articlePath) : Problem.io("cannot create \(articlePath): \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: Data(text.utf8))
            written.append(articlePath)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .io("cannot create \(articlePath): \(error.localizedDescription)")
        }
        return written
    }
}

private extension NewArticle {
    static func isSafeSegment(_ segment: String) -> Bool {
        URLSegment.problem(segment.hasSuffix(".md") ? String(segment.dropLast(3)) : segment) == nil
            && !segment.hasPrefix("_") && !segment.hasPrefix(".")
            && !segment.contains(where: { $0 == ":" || $0.isWhitespace || $0.isNewline })
    }
}
