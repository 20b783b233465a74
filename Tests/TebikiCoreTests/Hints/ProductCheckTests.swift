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

    @Test func urlPatternsCoverScreensAsTheWidgetMatchesThem() {
        #expect(ProductCheck.covers("*/portal.html", "/demo-app/portal.html"))
        #expect(ProductCheck.covers("/k/*", "/k/12/show"))
        #expect(ProductCheck.covers("/login", "/login"))
        #expect(!ProductCheck.covers("/login", "/login/help"))
        #expect(ProductCheck.covers("/a*b*c", "/a-b-c"))
        #expect(!ProductCheck.covers("/a*b*c", "/a-c-b"))
        #expect(!ProductCheck.covers("*ab*ba*", "aba"))
    }
}
