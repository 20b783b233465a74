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

    func start(host: String = "127.0.0.1", allowedHosts: [String] = [], prepare: (URL) throws -> Void = { _ in }) async throws -> Running {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-serve-\(UUID().uuidString)/basic")
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("basic"), to: root)
        try prepare(root)
        let log = LogLines()
        let server = PreviewServer(options: .init(site: SiteBuilder.Options(source: root), host: host, port: 0,
                                                  allowedHosts: allowedHosts, log: log.append))
        let url = try await server.start()
        return Running(server: server, port: UInt16(try #require(url.port)), root: root, log: log)
    }

    /// An open event stream, once the server has greeted it, and what it sent so far.
    func openEvents(_ running: Running) async throws -> (RawHTTP, String) {
        let events = try RawHTTP(port: running.port)
        events.send("GET", "/__tebiki/events")
        return (events, await events.read(until: ": tebiki"))
    }

    @Test func servesPagesAndAssetsWithTheirContentTypes() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let home = try await RawHTTP.get("/", port: running.port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("<script src=\"/__tebiki/live-reload.js\"></script></body>"), "the reload script is added when serving")
        let article = try await RawHTTP.get("/account/sign-in/", port: running.port)
        #expect(article.status == 200)
        #expect(article.text.contains("Open the sign-in page."))
        let expected = ["/assets/style.css": "text/css; charset=utf-8", "/assets/search.js": "text/javascript; charset=utf-8",
                        "/assets/favicon.svg": "image/svg+xml", "/images/home.png": "image/png",
                        "/search/meta.js": "text/javascript; charset=utf-8",
                        "/__tebiki/live-reload.js": "text/javascript; charset=utf-8"]
        for (path, type) in expected {
            let response = try await RawHTTP.get(path, port: running.port)
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
        let folder = try await RawHTTP.get("/account/sign-in", port: running.port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/account/sign-in/")
        let missing = try await RawHTTP.get("/account/nothing-here/", port: running.port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        let notFound = try await RawHTTP.get("/404.html", port: running.port)
        #expect(missing.text == notFound.text, "the 404 status comes with the theme's 404 page")
        let post = try await RawHTTP.get("/", port: running.port, method: "POST")
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
            let response = try await RawHTTP.get(attempt, port: running.port)
            #expect([400, 403].contains(response.status), "\(attempt) → \(response.status)")
            #expect(!response.text.contains("not for the web") && !response.text.contains("root:"), "\(attempt)")
        }
    }

    @Test func anEditSendsAReloadEventAndTheNewContentIsServed() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, opened) = try await openEvents(running)
        defer { events.close() }
        #expect(opened.contains("text/event-stream"))

        let file = running.root.appendingPathComponent("Articles/account/sign-in.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Open the sign-in page.", with: "Open the brand-new sign-in page.")
            .write(to: file, atomically: false, encoding: .utf8)
        let received = await events.read(until: "event: settled")
        #expect(received.contains("event: reload\ndata: [\"account\\/sign-in\\/\",\"getting-started\\/welcome\\/\"]"), "\(received)")
        #expect(received.contains("event: settled"))
        let page = try await RawHTTP.get("/account/sign-in/", port: running.port)
        #expect(page.text.contains("Open the brand-new sign-in page."))
        #expect(running.log.all.contains { $0.hasPrefix("Rebuilt Articles/account/sign-in.md in ") })
    }

    @Test func aBrokenEditSendsTheProblemsAndKeepsServingTheLastGoodSite() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, _) = try await openEvents(running)
        defer { events.close() }

        let file = running.root.appendingPathComponent("Articles/account/sign-in.md")
        let good = try String(contentsOf: file, encoding: .utf8)
        try good.replacingOccurrences(of: "title: Sign in\n", with: "titel: Sign in\n").write(to: file, atomically: false, encoding: .utf8)
        let problems = await events.read(until: "event: problems\ndata: [", wholeLine: true)
        #expect(problems.contains("\"path\":\"Articles\\/account\\/sign-in.md\""), "\(problems)")
        #expect(problems.contains("front matter has no 'title'"))
        #expect(try await RawHTTP.get("/account/sign-in/", port: running.port).text.contains("Open the sign-in page."))
        #expect(running.log.all.contains { $0 == "Articles/account/sign-in.md:1:1: error: front matter has no 'title' [title-missing]" })

        try good.write(to: file, atomically: false, encoding: .utf8)
        let fixed = await events.read(until: "event: ok")
        #expect(fixed.contains("event: ok"))
    }

    @Test func aThemeFileChangeReloadsTheWholeSite() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, _) = try await openEvents(running)
        defer { events.close() }

        let assets = running.root.appendingPathComponent("Themes/default/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Data("body { color: rebeccapurple; }\n".utf8).write(to: assets.appendingPathComponent("style.css"))
        let received = await events.read(until: "event: reload", wholeLine: true)
        #expect(received.contains("event: reload\ndata: null"), "every open page reloads")
        // Creating the folders and writing the file may come as more than one batch of changes.
        var css = ""
        for _ in 0..<50 where css != "body { color: rebeccapurple; }\n" {
            css = try await RawHTTP.get("/assets/style.css", port: running.port).text
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(css == "body { color: rebeccapurple; }\n")
    }

    @Test func aNamedPipeOrALinkLoopSavedWhileServingIsAProblemNotAFreeze() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let (events, _) = try await openEvents(running)
        defer { events.close() }
        #expect(mkfifo(running.root.appendingPathComponent("Articles/account/pipe.md").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: running.root.appendingPathComponent("Articles/images/loop").path,
                                                   withDestinationPath: ".")
        let problems = await events.read(until: "symbolic link loop", wholeLine: true)
        #expect(problems.contains("Articles\\/account\\/pipe.md: error: a named pipe (FIFO), not a regular file"), "\(problems)")
        #expect(try await RawHTTP.get("/account/sign-in/", port: running.port).text.contains("Open the sign-in page."))
    }

    @Test func theTerminalSummarisesRepeatedWarningsAsBuildsDo() async throws {
        let running = try await start { root in
            for n in 1...3 {
                try "---\ntitle: Extra \(n)\n---\nText.\n".write(to: root.appendingPathComponent("Articles/account/extra-\(n).md"),
                                                             atomically: true, encoding: .utf8)
            }
        }
        defer { Task { await running.server.stop() } }
        let log = running.log.all
        #expect(log.filter { $0.hasSuffix("[missing-description]") && $0.contains(": warning: ") }.count == 3)
        #expect(log.contains("… and 2 more articles without a description [missing-description] (tebiki check --verbose lists all)"))
        #expect(log.contains { $0.hasPrefix("0 errors, ") && $0.contains("missing-description 5") })
    }

    @Test func answersOnlyItsOwnHostNames() async throws {
        let running = try await start(allowedHosts: ["docs.internal"])
        defer { Task { await running.server.stop() } }
        let port = running.port
        for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)", "docs.internal:\(port)"] {
            #expect(try await RawHTTP.get("/", port: port, host: host).status == 200, "\(host)")
        }
        // A page of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding).
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "192.168.1.20:\(port)",
                     "[::1", "localhost:x", ""] {
            let refused = try await RawHTTP.get("/account/sign-in/", port: port, host: host)
            #expect(refused.status == 403, "\(host)")
            #expect(!refused.text.contains("Open the sign-in page."))
        }
        #expect(try await RawHTTP.get("/", port: port, host: nil).status == 403, "no Host header")
        let events = try await RawHTTP.get("/__tebiki/events", port: port, host: "evil.example")
        #expect(events.status == 403)
    }

    @Test func boundBeyondLoopbackItAlsoAnswersAddresses() async throws {
        let running = try await start(host: "0.0.0.0")
        defer { Task { await running.server.stop() } }
        #expect(try await RawHTTP.get("/", port: running.port, host: "192.168.1.20:\(running.port)").status == 200)
        #expect(try await RawHTTP.get("/", port: running.port, host: "[fe80::1]:\(running.port)").status == 200)
        #expect(try await RawHTTP.get("/", port: running.port, host: "evil.example").status == 403)
    }

    @Test func listensOnNamesAndIPv6() async throws {
        let byName = try await start(host: "localhost")
        let url = try await byName.server.start()
        await byName.server.stop()
        #expect(url.host == "localhost")
        let v6 = try await start(host: "::1")
        defer { Task { await v6.server.stop() } }
        #expect(try await RawHTTP.get("/account/sign-in/", port: v6.port, host: "[::1]:\(v6.port)", ipv6: true).text.contains("Open the sign-in page."))
        #expect(throws: (any Error).self) { try RawHTTP(port: v6.port) }  // not on IPv4
    }

    @Test func headSendsTheHeadersWithoutTheBody() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        for path in ["/", "/images/home.png", "/assets/style.css"] {
            let get = try await RawHTTP.get(path, port: running.port)
            let head = try await RawHTTP.get(path, port: running.port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty, "\(path)")
            #expect(head.headers["content-length"] == String(get.body.count), "\(path)")
            #expect(head.headers["content-type"] == get.headers["content-type"])
        }
    }

    @Test func headOfTheEventStreamDoesNotHoldTheConnection() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let head = try await RawHTTP.get("/__tebiki/events", port: running.port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/event-stream")
        #expect(head.body.isEmpty)
    }

    @Test func largeFilesAreStreamedWhole() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        var generator = SystemRandomNumberGenerator()
        let image = Data((0..<(6 * 1024 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try image.write(to: running.root.appendingPathComponent("Articles/images/home.png"))
        let response = try await RawHTTP.get("/images/home.png", port: running.port)
        #expect(response.status == 200)
        #expect(response.headers["content-length"] == String(image.count))
        #expect(response.body == image)
    }

    @Test func overlongRequestLinesAndHeadersAreRefusedBeforeTheyAreParsed() async throws {
        let running = try await start()
        defer { Task { await running.server.stop() } }
        let long = try RawHTTP(port: running.port)
        defer { long.close() }
        // A megabyte-long URL: the server answers once it has read past the limit, and closes.
        long.send(raw: Array(("GET /" + String(repeating: "a", count: 9_000)).utf8))
        let refused = RawHTTP.parse(await long.read())
        #expect(refused.status == 414)
        let sentMore = long.send(raw: Array(repeating: 0x61, count: 1_000_000))
        let more = await long.read()
        #expect(!sentMore || more.isEmpty, "the server answers nothing more once it has refused the request")

        let big = try await RawHTTP.get("/", port: running.port, headers: "X-Big: \(String(repeating: "b", count: 40_000))\r\n")
        #expect(big.status == 431)
        let many = try await RawHTTP.get("/", port: running.port, headers: String(repeating: "X-A: 1\r\n", count: 6_000))
        #expect(many.status == 431)
        #expect(try await RawHTTP.get("/", port: running.port, headers: "X-Fine: \(String(repeating: "c", count: 20_000))\r\n").status == 200)

        // Garbage is a 400, and the server still answers the next request.
        let garbage = try RawHTTP(port: running.port)
        garbage.send(raw: Array("NOT HTTP AT ALL\r\n\r\n".utf8))
        #expect(RawHTTP.parse(await garbage.read()).status == 400)
        garbage.close()
        #expect(try await RawHTTP.get("/", port: running.port).status == 200)
    }

    @Test func stoppingEndsOpenStreamsAndSlowRequests() async throws {
        let running = try await start()
        let (events, _) = try await openEvents(running)
        defer { events.close() }
        let slow = try RawHTTP(port: running.port)
        defer { slow.close() }
        slow.send(raw: Array("GET /".utf8))  // a request head that never ends
        await running.server.stop()
        // Both connections are closed by the server: reading ends instead of waiting 10 s.
        let started = Date()
        _ = await events.read()
        _ = await slow.read()
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(throws: (any Error).self) { try RawHTTP(port: running.port) }
    }
}

@Suite("Request heads")
struct RequestHeadTests {
    @Test func aHeadArrivingAByteAtATimeParsesAsAWholeOne() {
        let text = Array("GET /login/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nAccept: a\r\naccept: b\r\n\r\nrest".utf8)
        var progress = RequestHead.Progress()
        var result: RequestHead.Parse?
        for end in 1...text.count {
            switch RequestHead.parse(Array(text[..<end]), after: progress) {
            case .incomplete(let next): progress = next
            case let done:
                result = done
            }
            if result != nil { break }
        }
        guard case .complete(let head, let length)? = result else {
            Issue.record("no head: \(String(describing: result))")
            return
        }
        #expect(head.method == "GET" && head.target == "/login/?q=1" && head.path == "/login/" && head.version == "HTTP/1.1")
        #expect(head.headers == ["host": "127.0.0.1:4000", "accept": "a, b"])
        #expect(length == text.count - 4)
        #expect(RequestHead.parse(text) == .complete(head, length: length))
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\n\n", 0),
        ("GET /" + String(repeating: "a", count: 8_200) + " HTTP/1.1\r\n\r\n", 414),
        ("GET /" + String(repeating: "a", count: 8_200), 414),
        ("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 33_000), 431),
        ("get / HTTP/1.1\r\n\r\n", 400),
        ("GET relative HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/2\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nNo colon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nBad name: x\r\n\r\n", 400),
    ])
    func limitsAndMalformedHeads(text: String, status: Int) {
        let result = RequestHead.parse(Array(text.utf8))
        if status == 0 {
            guard case .complete = result else { Issue.record("\(result)"); return }
        } else {
            #expect(result == .refused(status: status))
        }
    }
}
