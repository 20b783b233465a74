import Foundation
import Testing
@testable import TebikiCore

/// Every case of the Mustache specification's required modules and of its inheritance module
/// (`../shared/conformance/mustache-spec/`), each a test of its own, run against Tebiki's compiler.
@Suite("Mustache specification")
struct MustacheSpecTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var module = ""
        var name: String
        var data: MustacheValue
        var template: String
        var partials: [String: String]?
        var expected: String
        var testDescription: String { "\(module): \(name)" }

        enum CodingKeys: String, CodingKey { case name, data, template, partials, expected }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    static let folder = TestSites.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/mustache-spec")

    static let cases: [Case] = modules.flatMap { module -> [Case] in
        struct File: Decodable { var tests: [Case] }
        let url = folder.appendingPathComponent(module + ".json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
            return [Case(module: module, name: "the file \(url.path) could not be read", data: .null, template: "", expected: "unreadable")]
        }
        return file.tests.map { test in
            var test = test
            test.module = module
            return test
        }
    }

    @Test func theRequiredModulesHave136CasesAndInheritance27() {
        #expect(Self.cases.filter { $0.module != "~inheritance" }.count == 136)
        #expect(Self.cases.filter { $0.module == "~inheritance" }.count == 27)
    }

    @Test(arguments: cases)
    func rendersAsTheSpecificationSays(_ test: Case) throws {
        var texts = test.partials ?? [:]
        texts["\u{0}template"] = test.template
        let library = try MustacheLibrary(texts)
        #expect(library.render("\u{0}template", test.data) == test.expected)
    }
}
