import Foundation

/// Last commit dates of the files under a folder, read with a single `git log` that runs while
/// the articles are being read, so its cost neither grows with one process per article nor
/// adds to the build's time.
struct GitDates {
    private let process: Process?
    private let output: Pipe

    /// Starts `git log` on the folder; does nothing visible when git or a repository is missing.
    static func start(articlesFolder: URL) -> GitDates {
        guard mayBeInRepository(articlesFolder) else { return GitDates(process: nil, output: Pipe()) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotePath=false", "-C", articlesFolder.path,
                             "log", "--format=@%ct", "--name-only", "--relative", "--no-renames", "--", "."]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return GitDates(process: process, output: pipe)
        } catch {
            return GitDates(process: nil, output: pipe)
        }
    }

    /// Waits for git and returns paths relative to the folder; empty outside a git work tree.
    func dates() -> [String: Date] {
        guard let process else { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { return [:] }
        return Self.parse(text)
    }

    /// Whether git may find a repository for the folder: `GIT_DIR` is set, or the folder or
    /// one above it (symbolic links resolved, as git resolves them) holds a `.git`. Outside
    /// one, starting git anyway cost 12 million instructions of the build's first core and
    /// 2.5 ms of the other's.
    static func mayBeInRepository(_ folder: URL) -> Bool {
        if getenv("GIT_DIR") != nil { return true }
        guard let real = realpath(folder.path, nil) else { return true }
        var path = String(cString: real)
        free(real)
        while true {
            if access(path + "/.git", F_OK) == 0 { return true }
            guard path != "/", let slash = path.lastIndex(of: "/") else { return false }
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// `git log` lists newest commits first, so the first date seen for a path is its last change.
    static func parse(_ log: String) -> [String: Date] {
        var dates: [String: Date] = [:]
        var current: Date?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("@"), let seconds = TimeInterval(line.dropFirst()) {
                current = Date(timeIntervalSince1970: seconds)
            } else if let current {
                let path = String(line).nfc
                if dates[path] == nil { dates[path] = current }
            }
        }
        return dates
    }
}
