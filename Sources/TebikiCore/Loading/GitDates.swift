import Foundation

/// Last commit dates of the files under a folder, read with a single `git log`, so the
/// cost does not grow with one process per article.
enum GitDates {
    /// Paths relative to `articlesFolder`; empty when it is not in a git work tree.
    static func lastCommitDates(articlesFolder: URL) -> [String: Date] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotePath=false", "-C", articlesFolder.path,
                             "log", "--format=@%ct", "--name-only", "--relative", "--no-renames", "--", "."]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: output, encoding: .utf8) else { return [:] }
        return parse(text)
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
