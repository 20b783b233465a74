import Foundation
import Testing
@testable import TebikiCore

/// GitHub's extension examples (`../shared/conformance/gfm-extensions/examples.json`: the GFM
/// spec's and cmark-gfm's own) rendered by Tebiki and compared with cmark-gfm's HTML as
/// structure: the same elements, cells, alignments and text, after the differences below are
/// taken out of both sides.
@Suite("GitHub extensions conformance")
struct GFMConformanceTests {
    struct Example: Decodable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
    }

    struct Examples: Decodable {
        var spec: [Example]
        var extensions: [Example]
    }

    static let sections: Set<String> = ["Tables", "Strikethrough", "Strikethroughs", "Task list items", "Task lists", "Autolinks", "Interop"]

    static let file = TestSites.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/gfm-extensions/examples.json")

    static func examples() throws -> [(source: String, example: Example)] {
        let data = try Data(contentsOf: file)
        let all = try JSONDecoder().decode(Examples.self, from: data)
        return all.spec.filter { sections.contains($0.section) }.map { ("spec", $0) }
            + all.extensions.filter { sections.contains($0.section) }.map { ("cmark-gfm", $0) }
    }

    @Test func everyTableStrikethroughTaskListAndAutolinkExampleRendersWithGitHubsStructure() throws {
        let examples = try Self.examples()
        // 8 spec tables + 16 of cmark-gfm's, as the conformance README counts them.
        #expect(examples.filter { $0.example.section == "Tables" }.count == 24)
        var failures: [String] = []
        for (source, example) in examples where !Self.renderedDifferently.keys.contains("\(source) \(example.example)") {
            let body = TestSites.render(example.markdown, rawHTML: true)
            if example.html.hasPrefix("<IGNORE>") { continue }  // only that it renders, without a crash
            let got = Self.structure(body.html), want = Self.structure(example.html)
            if got != want {
                failures.append("\(source) \(example.example) (\(example.section)):\n  want \(want)\n  got  \(got)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(failures.joined(separator: "\n"))")
        #expect(examples.count >= 40)
    }

    /// Examples Tebiki renders differently on purpose, and why.
    static let renderedDifferently = [
        "spec 628": "ftp:// is not linked: Tebiki makes links of http, https, mailto and tel URLs only, and an autolink the writer did not ask for must not bring an unsafe-URL warning",
    ]

    @Test func theDeliberateDifferencesAreTheOnesDescribed() throws {
        let examples = try Self.examples()
        let ftp = try #require(examples.first { "\($0.source) \($0.example.example)" == "spec 628" })
        let body = TestSites.render(ftp.example.markdown)
        #expect(body.html.contains("available at ftp://foo.bar.baz.</p>"))
        #expect(body.html.contains(#"<a href="https://encrypted.google.com/search?q=Markup+(business)">"#))
        #expect(body.diagnostics.isEmpty)
    }

    /// The HTML with what legitimately differs made the same: Tebiki's scrolling wrapper around
    /// tables, `class="align-…"` for the `align` attribute, the task box's attributes and class,
    /// `loading="lazy"` on images, void-element slashes, percent-encoding in URLs, and the
    /// whitespace between tags.
    static func structure(_ html: String) -> String {
        var text = html
        func replace(_ pattern: String, _ with: (Substring) -> String) {
            let regex = try! Regex(pattern)
            text = text.replacing(regex) { with(text[$0.range]) }
        }
        replace(#"<div class="table-scroll" tabindex="0">"#) { _ in "" }
        replace(#"</table></div>"#) { _ in "</table>" }
        replace(#" class="align-(left|center|right)""#) { " align=\"\($0.dropFirst(14).dropLast())\"" }
        replace(#"<li class="task""#) { _ in "<li" }
        replace(#"<input[^>]*>"#) { $0.contains("checked") ? "<input checked>" : "<input>" }
        replace(#" loading="lazy""#) { _ in "" }
        replace(#"\s*/>"#) { _ in ">" }
        replace(#"href="[^"]*""#) { match in
            let url = String(match.dropFirst(6).dropLast())
            return "href=\"\(url.removingPercentEncoding ?? url)\""
        }
        replace(#"src="[^"]*""#) { match in
            let url = String(match.dropFirst(5).dropLast())
            return "src=\"\(url.removingPercentEncoding ?? url)\""
        }
        replace(#"&#39;"#) { _ in "'" }
        replace(#">\s+<"#) { _ in "><" }
        replace(#"\n<(ul|ol)>"#) { $0.dropFirst() + "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
