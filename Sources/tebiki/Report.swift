import Foundation
import TebikiCore

/// Prints diagnostics to standard error, compiler style, all together at the end of a build.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedForReport() {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
