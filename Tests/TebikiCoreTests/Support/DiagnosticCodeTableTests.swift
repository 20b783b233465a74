import Foundation
import Testing
@testable import TebikiCore

/// The README's table of diagnostic codes is made from `DiagnosticCode`, so the two cannot
/// disagree: `UPDATE_SNAPSHOTS=1 swift test` rewrites it after a deliberate change.
@Suite("The README's table of diagnostic codes")
struct DiagnosticCodeTableTests {
    static let readme = TestSites.repositoryRoot.appendingPathComponent("README.md")
    static let start = "<!-- diagnostic codes: made from DiagnosticCode.swift by DiagnosticCodeTableTests -->\n"
    static let end = "<!-- end of diagnostic codes -->"

    static var table: String {
        var lines = ["| code | kind | what it means and how to fix it |", "|---|---|---|"]
        for code in DiagnosticCode.allCases {
            lines.append("| `\(code.rawValue)` | \(code.isWarning ? "warning" : "error") | \(code.explanation) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theREADMEListsEveryCodeAsTheSourceDefinesIt() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        func section() throws -> Range<String.Index> {
            try #require(text.range(of: Self.start)).upperBound..<#require(text.range(of: Self.end)).lowerBound
        }
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
            text.replaceSubrange(try section(), with: Self.table)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
        }
        #expect(String(text[try section()]) == Self.table)
    }

    @Test func codesAreShortStableWords() {
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
        #expect(DiagnosticCode.allCases.allSatisfy { $0.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
    }
}
