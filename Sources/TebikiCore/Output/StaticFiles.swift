/// The files of `Static/`, copied as they are to the root of the output after everything the
/// build makes, so a host's `CNAME`, `.well-known/`, `_headers` or `_redirects` survive every
/// build. One with the path of a generated file replaces it, with a warning; one that would
/// need a generated file to be a folder, or the other way round, is an error.
enum StaticFiles {
    static func check(_ files: [String], generated: Set<String>) -> [Diagnostic] {
        var generatedFolders: Set<String> = []
        for path in generated {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard generatedFolders.insert(String(folder)).inserted else { break }
            }
        }
        var diagnostics: [Diagnostic] = []
        for file in files {
            let shown = "\(SiteLayout.staticFolder)/\(file)"
            if quietlyReplaced.contains(file) {
                continue
            } else if generated.contains(file) {
                diagnostics.append(.about(.warning, .staticReplaces, shown, "replaces the site's own \(file); remove it to publish the generated one"))
            } else if generatedFolders.contains(file) {
                diagnostics.append(.about(.error, .staticCollision, shown, "is a file where the site has the folder \(file)/; rename it"))
            } else if let parent = ancestors(of: file).first(where: generated.contains) {
                diagnostics.append(.about(.error, .staticCollision, shown, "is inside \(parent), which the site writes as a file; move it"))
            }
        }
        return diagnostics
    }
}

private extension StaticFiles {
    /// Files a site is expected to write for itself (the README says so): no warning.
    static let quietlyReplaced: Set<String> = [SiteLayout.robotsFile, SiteLayout.llmsFile]

    static func ancestors(of path: String) -> [String] {
        var found: [String] = []
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            found.append(String(folder))
        }
        return found
    }
}
