import Foundation
import Testing
@testable import TebikiCore

/// Tebiki's CSS selector parser against the table Chromium is checked against too
/// (`Tests/Fixtures/css-selector-cases.json`), so the build accepts what a browser accepts.
@Suite("CSS selectors")
struct CSSSelectorTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var selector: String
        var valid: Bool
        /// A pseudo-element: valid CSS, but no element a step can point at.
        var target: Bool?
        var testDescription: String { "'\(selector)'" }
    }

    static let cases: [Case] = {
        struct Table: Decodable { var cases: [Case] }
        let url = TestSites.fixtures.appendingPathComponent("css-selector-cases.json")
        return (try? JSONDecoder().decode(Table.self, from: Data(contentsOf: url)))?.cases ?? []
    }()

    @Test func theTableIsRead() { #expect(Self.cases.count > 30) }

    @Test(arguments: cases)
    func acceptsWhatABrowserAcceptsAsATarget(_ test: Case) {
        let accepted = (try? CSSSelector(test.selector)) != nil
        #expect(accepted == (test.valid && test.target != false))
    }

    @Test func partsAreRead() throws {
        let selector = try CSSSelector("nav > ul li.item:nth-child(2n+1) [data-testid='x' i], my-app >>> #\\31 23")
        #expect(selector.alternatives.count == 2)
        let first = selector.alternatives[0]
        #expect(first.combinators == [.child, .descendant, .descendant])
        #expect(first.compounds[2].classes == ["item"])
        #expect(first.compounds[2].pseudos == [.nthChild(a: 2, b: 1, ofType: false, fromEnd: false)])
        #expect(first.compounds[3].attributes == [.init(name: "data-testid", operation: "=", value: "x", ignoringCase: true)])
        #expect(selector.alternatives[1].combinators == [.shadow])
        #expect(selector.alternatives[1].compounds[1].ids == ["123"])
    }
}
