import Foundation

/// Lines for standard error, written at once (unbuffered), so they interleave with progress.
enum Report {
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
