import Foundation
import Testing
@testable import TebikiServe
import TebikiCore

/// The preview server over real HTTP on loopback, serving a copy of the `basic` fixture site.
@Suite("Preview server", .serialized)
struct PreviewServerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    struct Running {
        let server: PreviewServer
        let port: UInt16
        let root: URL
        let log: LogLines
    }

    final class LogLines: @unchecked Sendable {
        private var lines: [String] = []
        private let lock = NSLock()
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    func start() async throws -> Running {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-serve-\(UUID().uuidString)/basic")
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("basic"), to: root)
        let log = LogLines()
        let server = PreviewServer(options: .init(site: SiteBuilder.Options(source: root), port: 0, log: log.append))
        let url = try await server.start()
        return Running(server: server, port: UInt16(try #require(url.port)), root: root, log: log)
    }

    /// An open event stream, once the server has greeted it, and what it sent so far.
    func openEvents(_ running: Running) throws -> (RawHTTP, String) {
        let events = try RawHTTP(port: running.port)
        events.send("GET", "/__tebiki/events")
        return (events, events.read(until: ": tebiki"))
    }

    @Test func servesPagesAndAssetsWithTheirContentTypes() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let home = try RawHTTP.get("/", port: running.port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("<script src=\"/__tebiki/live-reload.js\"></script></body>"), "the reload script is added when serving")
        let article = try RawHTTP.get("/account/sign-in/", port: running.port)
        #expect(article.status == 200)
        #expect(article.text.contains("Open the sign-in page."))
        let expected = ["/assets/style.css": "text/css; charset=utf-8", "/assets/search.js": "text/javascript; charset=utf-8",
                        "/assets/favicon.svg": "image/svg+xml", "/images/home.png": "image/png",
                        "/search/meta.js": "text/javascript; charset=utf-8",
                        "/__tebiki/live-reload.js": "text/javascript; charset=utf-8"]
        for (path, type) in expected {
            let response = try RawHTTP.get(path, port: running.port)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            #expect(!response.body.isEmpty, "\(path)")
        }
        let built = FileManager.default.fileExists(atPath: running.root.appendingPathComponent("_site").path)
        #expect(!built, "serving never writes the output folder")
    }

    @Test func aFolderWithoutItsSlashRedirectsAndAMissingPageIsTheThemes404() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let folder = try RawHTTP.get("/account/sign-in", port: running.port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/account/sign-in/")
        let missing = try RawHTTP.get("/account/nothing-here/", port: running.port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        let notFound = try RawHTTP.get("/404.html", port: running.port)
        #expect(missing.text == notFound.text, "the 404 status comes with the theme's 404 page")
        let post = try RawHTTP.get("/", port: running.port, method: "POST")
        #expect(post.status == 405)
    }

    @Test func neverServesAFileOutsideTheSiteFolder() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        // A published image that is a symbolic link to a file outside the site.
        let secret = running.root.deletingLastPathComponent().appendingPathComponent("secret.png")
        try Data("not for the web".utf8).write(to: secret)
        let images = running.root.appendingPathComponent("Articles/images")
        try FileManager.default.removeItem(at: images.appendingPathComponent("home.png"))
        try FileManager.default.createSymbolicLink(at: images.appendingPathComponent("home.png"), withDestinationURL: secret)

        let attempts = ["/../secret.png", "/..%2fsecret.png", "/%2e%2e/secret.png", "/%2E%2E/%2E%2E/etc/passwd",
                        "/account/..%5c..%5csecret.png", "/account\\..\\..\\secret.png", "/%252e%252e/secret.png",
                        "/./account/sign-in/", "/images/home.png"]
        for attempt in attempts {
            let response = try RawHTTP.get(attempt, port: running.port)
            #expect([400, 403].contains(response.status), "\(attempt) → \(response.status)")
            #expect(!response.text.contains("not for the web") && !response.text.contains("root:"), "\(attempt)")
        }
    }

    @Test func theServersOwnFolderIsOneNoCategoryMayTake() {
        #expect(LoadedSite.reservedFolders.contains(PreviewServer.reservedFolder))
    }

    @Test func anEditSendsAReloadEventAndTheNewContentIsServed() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, opened) = try openEvents(running)
        defer { events.close() }
        #expect(opened.contains("text/event-stream"))

        let file = running.root.appendingPathComponent("Articles/account/sign-in.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Open the sign-in page.", with: "Open the brand-new sign-in page.")
            .write(to: file, atomically: false, encoding: .utf8)
        let received = events.read(until: "event: settled")
        #expect(received.contains("event: reload\ndata: [\"account\\/sign-in\\/\",\"getting-started\\/welcome\\/\"]"), "\(received)")
        #expect(received.contains("event: settled"))
        let page = try RawHTTP.get("/account/sign-in/", port: running.port)
        #expect(page.text.contains("Open the brand-new sign-in page."))
        #expect(running.log.all.contains { $0.hasPrefix("Rebuilt Articles/account/sign-in.md in ") })
    }

    @Test func aBrokenEditSendsTheProblemsAndKeepsServingTheLastGoodSite() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, _) = try openEvents(running)
        defer { events.close() }

        let file = running.root.appendingPathComponent("Articles/account/sign-in.md")
        let good = try String(contentsOf: file, encoding: .utf8)
        try good.replacingOccurrences(of: "title: Sign in\n", with: "titel: Sign in\n").write(to: file, atomically: false, encoding: .utf8)
        let problems = events.read(until: "event: problems\ndata: [", wholeLine: true)
        #expect(problems.contains("\"path\":\"Articles\\/account\\/sign-in.md\""), "\(problems)")
        #expect(problems.contains("front matter has no 'title'"))
        #expect(try RawHTTP.get("/account/sign-in/", port: running.port).text.contains("Open the sign-in page."))
        #expect(running.log.all.contains { $0 == "Articles/account/sign-in.md:1:1: error: front matter has no 'title'" })

        try good.write(to: file, atomically: false, encoding: .utf8)
        let fixed = events.read(until: "event: ok")
        #expect(fixed.contains("event: ok"))
    }

    @Test func aThemeFileChangeReloadsTheWholeSite() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, _) = try openEvents(running)
        defer { events.close() }

        let assets = running.root.appendingPathComponent("Themes/default/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Data("body { color: rebeccapurple; }\n".utf8).write(to: assets.appendingPathComponent("style.css"))
        let received = events.read(until: "event: reload", wholeLine: true)
        #expect(received.contains("event: reload\ndata: null"), "every open page reloads")
        // Creating the folders and writing the file may come as more than one batch of changes.
        var css = ""
        for _ in 0..<50 where css != "body { color: rebeccapurple; }\n" {
            css = try RawHTTP.get("/assets/style.css", port: running.port).text
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(css == "body { color: rebeccapurple; }\n")
    }
}
