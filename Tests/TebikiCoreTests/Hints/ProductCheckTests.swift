import Foundation
import Testing
@testable import TebikiCore

/// Selectors matched against saved pages as a browser's `querySelectorAll` would.
@Suite("Product check")
struct ProductCheckTests {
    struct Table: Decodable {
        struct Case: Decodable, Sendable, CustomTestStringConvertible {
            var selector: String
            var count: Int
            var testDescription: String { "'\(selector)' → \(count)" }
        }
        var html: String
        var cases: [Case]
    }

    static let table: Table? = try? JSONDecoder().decode(
        Table.self, from: Data(contentsOf: TestSites.fixtures.appendingPathComponent("selector-matching.json")))

    @Test func theTableIsRead() { #expect((Self.table?.cases.count ?? 0) >= 30) }

    @Test(arguments: table?.cases ?? [])
    func matchesAsABrowserWould(_ test: Table.Case) throws {
        let tree = HTMLTree(try #require(Self.table).html)
        #expect(try CSSSelector(test.selector).matches(in: tree).count == test.count)
    }

    @Test func statesAPagesCannotShowAreNotChecked() throws {
        #expect(try !CSSSelector("button:hover").isCheckable)
        #expect(try !CSSSelector("form:has(input)").isCheckable)
        #expect(try CSSSelector("li:not(.a):nth-child(2n)").isCheckable)
    }

    struct PatternCase: Decodable, Sendable, CustomTestStringConvertible {
        var pattern: String
        var subject: String
        var matches: Bool
        var testDescription: String { "'\(pattern.prefix(40))' ~ '\(subject.prefix(40))'" }
    }

    /// The table guide.js's matcher is tested against too (test_guide.py).
    static let patternCases: [PatternCase] = {
        struct Table: Decodable { var cases: [PatternCase] }
        let url = TestSites.fixtures.appendingPathComponent("url-pattern-cases.json")
        return (try? JSONDecoder().decode(Table.self, from: Data(contentsOf: url)))?.cases ?? []
    }()

    @Test func thePatternTableIsRead() { #expect(Self.patternCases.count >= 20) }

    @Test(arguments: patternCases)
    func urlPatternsCoverScreensAsTheWidgetMatchesThem(_ test: PatternCase) {
        #expect(ProductCheck.covers(test.pattern, test.subject) == test.matches)
    }
}
