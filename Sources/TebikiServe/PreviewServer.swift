import DefaultTheme
import FlyingFox
import FlyingSocks
import Foundation
import TebikiCore

/// `tebiki serve`: serves the site from memory (the published output folder is never touched),
/// rebuilds it when a source file changes, and tells open pages to reload, or to show the
/// build's problems over the page until they are fixed.
public actor PreviewServer {
    public struct Options: Sendable {
        public var site: SiteBuilder.Options
        public var host: String
        public var port: UInt16
        /// Told each line meant for the terminal: what was rebuilt, and every diagnostic.
        public var log: @Sendable (String) -> Void

        public init(site: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 4000,
                    log: @escaping @Sendable (String) -> Void = { print($0) }) {
            self.site = site
            self.host = host
            self.port = port
            self.log = log
        }
    }

    /// Where the reload script and the event stream live; one of `LoadedSite.reservedFolders`,
    /// so no category can be named so.
    static let reservedFolder = "__tebiki"

    private let options: Options
    private let events = EventStream()
    private var server: HTTPServer?
    private var watcher: FolderWatcher?
    /// The last site that built; kept while later edits have errors.
    private var live: LiveSite?
    private var problems: [Diagnostic] = []
    /// Files edited since the last good build: re-read together, so fixing one of two broken
    /// files does not hide the other.
    private var pending: Set<String> = []
    private var settling: Task<Void, Never>?

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site, starts serving and watching, and returns the address pages are served at.
    public func start() async throws -> URL {
        let started = Date()
        let (site, diagnostics) = LiveSite.load(options.site)
        live = site
        report(diagnostics, after: started, what: "Built \(site?.checked.articles.count ?? 0) articles")
        if site == nil { await showProblems(diagnostics) }

        let address = try sockaddr_in.inet(ip4: options.host, port: options.port)
        // Event streams stay open as long as the page; FlyingFox's default 15 s timeout would cut them.
        let server = HTTPServer(address: address, timeout: 24 * 60 * 60, logger: .disabled)
        await server.appendRoute("*") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.respond(to: request)
        }
        self.server = server
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else { throw SocketError.disconnected }

        let watcher = try FolderWatcher(root: options.site.source)
        self.watcher = watcher
        Task { [weak self] in
            for await changed in watcher.changes { await self?.rebuild(changed) }
        }
        return URL(string: "http://\(options.host):\(port)/")!
    }

    /// Closes the event streams and the listening socket.
    public func stop() async {
        watcher?.stop()
        settling?.cancel()
        await events.finish()
        await server?.stop(timeout: 1)
    }
}

private extension PreviewServer {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        let rawPath = request.target.path()
        if rawPath == "/\(Self.reservedFolder)/events" {
            return HTTPResponse(statusCode: .ok,
                                headers: HTTPHeaders([.contentType: "text/event-stream", HTTPHeader("Cache-Control"): "no-store"]),
                                body: await events.subscribe())
        }
        if rawPath == "/\(Self.reservedFolder)/live-reload.js" {
            return Self.response(.ok, Self.liveReloadScript, type: "text/javascript; charset=utf-8")
        }
        let path: String
        switch SitePath.resolve(rawPath) {
        case .success(let resolved): path = resolved
        case .failure(.traversal): return Self.response(.forbidden, Data("403 forbidden: the path leaves the site folder\n".utf8), type: "text/plain; charset=utf-8")
        case .failure(.malformed): return Self.response(.badRequest, Data("400 bad request\n".utf8), type: "text/plain; charset=utf-8")
        }
        guard let live else {
            return page(.internalServerError, Self.brokenSitePage)
        }
        switch live.resource(at: path) {
        case .text(let text)?:
            let type = ContentType.of(LiveSite.filePath(path))
            return type.hasPrefix("text/html") ? page(.ok, text) : Self.response(.ok, Data(text.utf8), type: type)
        case .file(let url)?:
            let allowed = [options.site.source] + (DefaultTheme.directory.map { [$0] } ?? [])
            guard SitePath.isInside(url, allowed), let data = FileManager.default.contents(atPath: url.path) else {
                return Self.response(.forbidden, Data("403 forbidden\n".utf8), type: "text/plain; charset=utf-8")
            }
            return Self.response(.ok, data, type: ContentType.of(path))
        case nil:
            // A folder asked for without its slash: send the browser to it, so relative links work.
            if !path.isEmpty, !path.hasSuffix("/"), live.serves(path + "/") {
                let location = rawPath + "/"
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
            }
            if case .text(let notFound)? = live.resource(at: "404.html") { return page(.notFound, notFound) }
            return Self.response(.notFound, Data("404 not found\n".utf8), type: "text/plain; charset=utf-8")
        }
    }

    /// An HTML page with the live-reload script added at the end of its body.
    func page(_ status: HTTPStatusCode, _ html: String) -> HTTPResponse {
        let script = "<script src=\"/\(Self.reservedFolder)/live-reload.js\"></script>"
        var html = html
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        return Self.response(status, Data(html.utf8), type: "text/html; charset=utf-8")
    }

    static func response(_ status: HTTPStatusCode, _ body: Data, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: type, HTTPHeader("Cache-Control"): "no-store"]), body: body)
    }

    func rebuild(_ changed: Set<String>) async {
        let started = Date()
        pending.formUnion(changed)
        let articleEdits = pending.allSatisfy { path in
            path.hasPrefix(LoadedSite.articlesFolder + "/") && path.hasSuffix(".md")
                && FileManager.default.fileExists(atPath: options.site.source.appendingPathComponent(path).path)
        }
        var outcome = LiveSite.Outcome.needsReload
        if articleEdits, let live { outcome = live.updating(pending) }
        if case .needsReload = outcome {
            let (site, diagnostics) = LiveSite.load(options.site)
            outcome = site.map { .updated($0, changedPages: nil) } ?? .failed(diagnostics)
        }
        let names = pending.sorted().joined(separator: ", ")
        switch outcome {
        case .updated(let site, let changedPages):
            live = site
            pending = []
            let hadProblems = !problems.isEmpty
            problems = []
            await events.send("ok", data: "{}")
            await events.send("reload", data: Self.json(changedPages.map { $0.sorted() }))
            report(site.diagnostics.filter { $0.severity == .error || changed.contains($0.path) }, after: started,
                   what: "Rebuilt \(names)" + (hadProblems ? " (fixed)" : ""))
            if !site.isSettled { settle(site) }
        case .failed(let diagnostics):
            await showProblems(diagnostics)
            report(diagnostics, after: started, what: "Rebuilding \(names) failed; still serving the last good build")
        case .needsReload:
            break
        }
    }

    func showProblems(_ diagnostics: [Diagnostic]) async {
        problems = diagnostics.filter { $0.severity == .error }.sortedForReport()
        await events.send("problems", data: Self.json(problems.map(Self.describe)))
    }

    /// Redoes related lists and the search index in the background, then sends `settled` with
    /// the pages whose related lists changed. A newer edit makes the result moot.
    func settle(_ site: LiveSite) {
        settling?.cancel()
        settling = Task.detached(priority: .utility) { [weak self] in
            let (settled, changedPages) = site.settled()
            guard !Task.isCancelled else { return }
            await self?.adopt(settled, changedPages: changedPages)
        }
    }

    func adopt(_ settled: LiveSite, changedPages: Set<String>) async {
        guard settled.generation == live?.generation else { return }
        live = settled
        await events.send("settled", data: Self.json(changedPages.sorted()))
    }

    func report(_ diagnostics: [Diagnostic], after started: Date, what: String) {
        for diagnostic in diagnostics.sortedForReport() { options.log(diagnostic.description) }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        let errors = diagnostics.errorCount
        options.log(errors > 0 ? "\(what): \(errors) error(s)" : "\(what) in \(milliseconds) ms")
    }

    static func describe(_ diagnostic: Diagnostic) -> [String: Any] {
        ["path": diagnostic.path, "line": diagnostic.line, "column": diagnostic.column,
         "severity": diagnostic.severity.rawValue, "message": diagnostic.message, "text": diagnostic.description]
    }

    static func json(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static let liveReloadScript: Data = {
        guard let url = Bundle.module.url(forResource: "live-reload", withExtension: "js"),
              let data = FileManager.default.contents(atPath: url.path) else { return Data() }
        return data
    }()

    /// Shown for every page while the site has never built: the overlay lists why.
    static let brokenSitePage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tebiki: the site has errors</title></head>
        <body><main><h1>The site has errors</h1><p>Fix them and this page reloads.</p></main></body></html>
        """
}
