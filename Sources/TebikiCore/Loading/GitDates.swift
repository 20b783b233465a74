import Foundation

/// Last commit dates of the files under a folder, read with a single `git log` that runs while
/// the articles are being read, so its cost neither grows with one process per article nor
/// adds to the build's time.
struct GitDates {
    private let process: Process?
    private let output: Pipe

    /// Starts `git log` on the folder; does nothing visible when git or a repository is missing.
    static func start(articlesFolder: URL) -> GitDates {
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
