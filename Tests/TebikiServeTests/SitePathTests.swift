import Foundation
import Testing
@testable import TebikiServe

@Suite("Preview server paths and types")
struct SitePathTests {
    @Test(arguments: [
        ("/", ""), ("/login/signin/", "login/signin/"), ("/assets/style.css", "assets/style.css"),
        ("/%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3/", "ログイン/"),
    ])
    func plainPathsResolveToSitePaths(raw: String, expected: String) {
        #expect(SitePath.resolve(raw) == .success(expected))
    }

    @Test(arguments: ["/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E%2Fx", "/a/%5c..%5cb", "/a\\b", "/%252e%252e/x",
                      "/./a", "/a/%00b"])
    func everyFormOfClimbingOutIsRefused(raw: String) {
        #expect(SitePath.resolve(raw) == .failure(.traversal))
    }

    @Test func malformedPathsAreRefused() {
        #expect(SitePath.resolve("login/") == .failure(.malformed))
        #expect(SitePath.resolve("/a//b") == .failure(.malformed))
        #expect(SitePath.resolve("/%zz") == .failure(.malformed))
    }

    @Test func aSymbolicLinkOutOfTheFolderIsOutside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-sitepath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("outside.txt"))
        try Data("y".utf8).write(to: folder.appendingPathComponent("site/inside.txt"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("site/link.txt"),
                                                   withDestinationURL: folder.appendingPathComponent("outside.txt"))
        let site = folder.appendingPathComponent("site")
        #expect(SitePath.isInside(site.appendingPathComponent("inside.txt"), [site]))
        #expect(!SitePath.isInside(site.appendingPathComponent("link.txt"), [site]))
        #expect(!SitePath.isInside(folder.appendingPathComponent("site-other/inside.txt"), [site]))
    }

    @Test func contentTypesByExtension() {
        let expected = ["a/index.html": "text/html; charset=utf-8", "s.css": "text/css; charset=utf-8",
                        "x.js": "text/javascript; charset=utf-8", "d.json": "application/json", "i.svg": "image/svg+xml",
                        "p.PNG": "image/png", "j.jpeg": "image/jpeg", "j.jpg": "image/jpeg", "w.webp": "image/webp",
                        "f.woff2": "font/woff2", "noextension": "application/octet-stream"]
        for (path, type) in expected { #expect(ContentType.of(path) == type, "\(path)") }
    }
}
