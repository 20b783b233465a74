import Foundation
import Testing
@testable import TebikiCore

@Suite("SVG files that could run code")
struct SVGScanTests {
    static func wrap(_ inner: String) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"# + inner + "</svg>"
    }

    @Test(arguments: [
        ("<script>alert(1)</script>", "a <script> element, which can run code"),
        ("<SCRIPT xlink:href='x.js'/>", "a <script> element, which can run code"),
        (#"<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>"#, "a <script> element, which can run code"),
        (#"<rect onload="alert(1)"/>"#, "an event handler attribute 'onload' on <rect>"),
        (#"<g ONclick = 'x()'>"#, "an event handler attribute 'onclick' on <g>"),
        (#"<a href="javascript:alert(1)"><text>x</text></a>"#, "a 'javascript:' URL in 'href' on <a>"),
        (#"<a xlink:href=" JaVaScRiPt:alert(1)">x</a>"#, "a 'javascript:' URL in 'xlink:href' on <a>"),
        (#"<a href="&#106;avascript&#x3A;alert(1)">x</a>"#, "a 'javascript:' URL in 'href' on <a>"),
        (#"<a href="java&#9;script&colon;alert(1)">x</a>"#, "a 'javascript:' URL in 'href' on <a>"),
        (#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#, "a 'data:text' URL in 'href' on <a>"),
        ("<foreignObject><div>x</div></foreignObject>", "a <foreignobject> element, which can run code"),
        (#"<a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a>"#, "an <animate> that rewrites a link, which can turn it into a script"),
        (#"<set attributeName="xlink:href" to="x"/>"#, "an <set> that rewrites a link, which can turn it into a script"),
        ("<iframe src='x'/>", "a <iframe> element, which can run code"),
    ] as [(String, String?)])
    func hostileParts(inner: String, problem: String?) {
        #expect(SVGScan.problem(in: Self.wrap(inner)) == problem, "\(inner)")
    }

    @Test func entitiesAreRefusedBecauseTheyCanHideMarkup() {
        let text = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg>&x;</svg>"#
        #expect(SVGScan.problem(in: text) == "an <!ENTITY> declaration, which can hide markup from this check")
    }

    @Test(arguments: [
        ##"<rect width="10" height="10" fill="#2f6fde"/><text x="1" y="8">ログイン onload</text>"##,
        #"<!-- <script>alert(1)</script> --><circle r="3"/>"#,
        #"<style><![CDATA[ rect { fill: red } /* <script> */ ]]></style><rect/>"#,
        #"<a href="https://example.com/"><text>x</text></a><image href="data:image/png;base64,iVBORw0KGgo="/>"#,
        ##"<use xlink:href="#shape"/><animate attributeName="opacity" from="0" to="1"/>"##,
        #"<text data-note="javascript: in text is fine">x</text>"#,
    ])
    func harmlessDrawings(inner: String) {
        #expect(SVGScan.problem(in: Self.wrap(inner)) == nil, "\(inner)")
    }

    @Test func theSampleHelpCentresImagesAreHarmless() throws {
        let images = TestSites.repositoryRoot.appendingPathComponent("Articles/images")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: images.path).filter { $0.hasSuffix(".svg") }
        #expect(!svgs.isEmpty)
        for name in svgs {
            #expect(SVGScan.problem(in: try String(contentsOf: images.appendingPathComponent(name), encoding: .utf8)) == nil, "\(name)")
        }
    }

    @Test func aPublishedScriptedSVGIsAnErrorAndWithRawHTMLAWarning() throws {
        let site = try TestSites.copyOfFixture("basic")
        try Self.wrap("<script>alert(document.cookie)</script>").write(to: site.appendingPathComponent("Articles/images/evil.svg"), atomically: true, encoding: .utf8)
        try Self.wrap("<script>alert(1)</script>").write(to: site.appendingPathComponent("Articles/images/unused.svg"), atomically: true, encoding: .utf8)
        let article = site.appendingPathComponent("Articles/account/sign-in.md")
        try (String(contentsOf: article, encoding: .utf8) + "\n![evil](../images/evil.svg)\n").write(to: article, atomically: true, encoding: .utf8)
        let output = try TestSites.temporaryFolder().appendingPathComponent("_site")

        let refused = SiteBuilder.build(.init(source: site, output: output))
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "Articles/images/evil.svg: error: the SVG has a <script> element, which can run code; opened on its own it would run in the help centre: remove it, or set 'rawHTML: true' in tebiki.yml to publish the file as it is",
        ])

        try "rawHTML: true\n".write(to: site.appendingPathComponent("tebiki.yml"), atomically: true, encoding: .utf8)
        let allowed = SiteBuilder.build(.init(source: site, output: output))
        #expect(allowed.succeeded)
        #expect(allowed.diagnostics.map(\.description).contains(
            "Articles/images/evil.svg: warning: the SVG has a <script> element, which can run code; opened on its own it would run in the help centre: it is published as it is, since rawHTML is true"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("images/evil.svg").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("images/unused.svg").path))
    }
}
