import Foundation
import Testing

/// The core's folders are its stages, in build order, with the values they share in `Model/`
/// and helpers in `Support/`. A folder may use what the folders before it in this list declare,
/// never what a later one does; this reads the sources and says where that is broken.
@Suite("Layering of the core's folders")
struct LayeringTests {
    static let order = ["Support", "Model", "Text", "Loading", "Linking", "Hints", "Markdown", "Search", "Theming",
                        "Output", "Authoring", "Pipeline"]
    static let core = TestSites.repositoryRoot.appendingPathComponent("Sources/TebikiCore")

    /// Each folder's Swift sources, comments left out.
    static func sources() throws -> [String: String] {
        var sources: [String: String] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: core.path) where !folder.hasSuffix(".swift") {
            let url = core.appendingPathComponent(folder)
            let texts = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }.sorted().map {
                try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
            }
            sources[folder] = texts.joined(separator: "\n").replacing(/\/\/[^\n]*/, with: "")
        }
        return sources
    }

    @Test func everyFolderIsAStageInTheList() throws {
        #expect(Set(try Self.sources().keys) == Set(Self.order))
    }

    @Test func noFolderUsesATypeOfALaterOne() throws {
        let sources = try Self.sources()
        var home: [String: String] = [:]
        for (folder, text) in sources {
            for match in text.matches(of: /\n(?:public |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol) ([A-Z][A-Za-z0-9]*)/) {
                home[String(match.1)] = folder
            }
        }
        #expect(home["SiteBuilder"] == "Pipeline" && home["Diagnostic"] == "Model", "the declarations were found")
        var violations: [String] = []
        for (folder, text) in sources {
            let rank = Self.order.firstIndex(of: folder)!
            for (type, owner) in home where owner != folder && Self.order.firstIndex(of: owner)! > rank {
                // Simple boundaries: to Unicode's default, `SiteBuilder.Options` is one word.
                if text.contains(try Regex("\\b\(type)\\b").wordBoundaryKind(.simple)) { violations.append("\(folder)/ uses \(type) from \(owner)/") }
            }
        }
        #expect(violations.sorted() == [])
    }
}
