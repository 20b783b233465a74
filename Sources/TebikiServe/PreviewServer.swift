import DefaultTheme
import Foundation
import TebikiCore

/// `tebiki serve`: serves the site from memory (the published output folder is never touched),
/// rebuilds it when a source file changes, and tells open pages to reload, or to show the
/// build's problems over the page until they are fixed.
public actor PreviewServer {
    public struct Options: Sendable {
        public var site: SiteBuilder.Options
        /// A name or address (IPv4 or IPv6) to listen on; loopback unless told otherwise.
        public var host: String
        public var port: UInt16
        /// More names the server answers to (`Host` headers), beyond its own.
        public var allowedHosts: [String]
        /// Told each line meant for the terminal: what was rebuilt, and every diagnostic.
        public var log: @Sendable (String) -> Void

        public init(site: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 4000, allowedHosts: [String] = [],
                    log: @escaping @Sendable (String) -> Void = { print($0) }) {
            self.site = site
            self.host = host
            self.port = port
            self.allowedHosts = allowedHosts
            self.log = log
        }

        /// Whether other machines can reach the server (and see drafts).
        public var isLoopbackOnly: Bool { HostCheck.isLoopback(host) }
    }

    private let options: Options
    private let events = EventStream()
    private let hosts: HostCheck
    private var listener: HTTPListener?
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
        hosts = HostCheck(bound: options.host, allowed: options.allowedHosts)
    }

    /// Builds the site, starts serving and watching, and returns the address pages are served at.
    public func start() async throws -> URL {
        let started = Date()
        let (site, diagnostics) = LiveSite.load(options.site)
        live = site
        report(diagnostics, after: started, what: "Built \(site?.checked.articles.count ?? 0) articles")
        if site == nil { await showProblems(diagnostics) }

        let listener: HTTPListener
        do {
            listener = try HTTPListener(host: options.host, port: options.port)
        } catch {
            throw ServeError(description: error.description)
        }
        listener.run { [weak self] request in
            guard let self else { return HTTPReply.text(503, "503 stopping\n") }
            return await self.respond(to: request)
        }
        self.listener = listener

        let watcher = try FolderWatcher(root: options.site.source)
        self.watcher = watcher
        Task { [weak self] in
            for await changed in watcher.changes { await self?.rebuild(changed) }
        }
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        return URL(string: "http://\(host):\(listener.port)/")!
    }

    public struct ServeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Closes the event streams and the listening socket.
    public func stop() async {
        watcher?.stop()
        settling?.cancel()
        events.finish()
        listener?.stop()
    }
}

private extension PreviewServer {
    func respond(to request: RequestHead) async -> HTTPReply {
        guard hosts.allows(request.headers["host"]) else {
            return .text(403, "403 forbidden: this server answers only to its own host names; add this one with --allow-host\n")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPReply(405, headers: [("Allow", "GET, HEAD")])
        }
        let rawPath = request.path
        if rawPath == "/\(SiteLayout.previewFolder)/events" {
            return HTTPReply(200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")], body: .events(events))
        }
        if rawPath == "/\(SiteLayout.previewFolder)/live-reload.js" {
            return Self.response(200, Self.liveReloadScript, type: "text/javascript; charset=utf-8")
        }
        let path: String
        switch SitePath.resolve(rawPath) {
        case .success(let resolved): path = resolved
        case .failure(.traversal): return .text(403, "403 forbidden: the path leaves the site folder\n")
        case .failure(.malformed): return .text(400, "400 bad request\n")
        }
        guard let live else {
            return page(500, Self.brokenSitePage)
        }
        switch live.resource(at: path) {
        case .text(let text)?:
            let type = ContentType.of(LiveSite.filePath(path))
            return type.hasPrefix("text/html") ? page(200, text) : Self.response(200, Array(text.utf8), type: type)
        case .file(let url)?:
            let allowed = [options.site.source] + (DefaultTheme.directory.map { [$0] } ?? [])
            guard SitePath.isInside(url, allowed) else { return .text(403, "403 forbidden\n") }
            return HTTPReply(200, headers: [("Content-Type", ContentType.of(path)), ("Cache-Control", "no-store")], body: .file(path: url.path))
        case nil:
            // A folder asked for without its slash: send the browser to it, so relative links work.
            if !path.isEmpty, !path.hasSuffix("/"), live.serves(path + "/") {
                return HTTPReply(301, headers: [("Location", rawPath + "/")])
            }
            if case .text(let notFound)? = live.resource(at: "404.html") { return page(404, notFound) }
            return .text(404, "404 not found\n")
        }
    }

    /// An HTML page with the live-reload script added at the end of its body.
    func page(_ status: Int, _ html: String) -> HTTPReply {
        let script = "<script src=\"/\(SiteLayout.previewFolder)/live-reload.js\"></script>"
        var html = html
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        return Self.response(status, Array(html.utf8), type: "text/html; charset=utf-8")
    }

    static func response(_ status: Int, _ body: [UInt8], type: String) -> HTTPReply {
        HTTPReply(status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: .bytes(body))
    }

    func rebuild(_ changed: Set<String>) async {
        let started = Date()
        pending.formUnion(changed)
        let outcome = LiveSite.rebuilt(after: pending, from: live, options: options.site)
        let names = pending.sorted().joined(separator: ", ")
        switch outcome {
        case .updated(let site, let changedPages):
            live = site
            pending = []
            let hadProblems = !problems.isEmpty
            problems = []
            events.send("ok", data: "{}")
            events.send("reload", data: Self.json(changedPages.map { $0.sorted() }))
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
        events.send("problems", data: Self.json(problems.map(Self.describe)))
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
        events.send("settled", data: Self.json(changedPages.sorted()))
    }

    func report(_ diagnostics: [Diagnostic], after started: Date, what: String) {
        // As `tebiki build` prints them: errors first, repeated warnings summarised.
        DiagnosticReport.lines(diagnostics).forEach(options.log)
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

    static let liveReloadScript: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "live-reload", withExtension: "js"),
              let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return Array(data)
    }()

    /// Shown for every page while the site has never built: the overlay lists why.
    static let brokenSitePage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tebiki: the site has errors</title></head>
        <body><main><h1>The site has errors</h1><p>Fix them and this page reloads.</p></main></body></html>
        """
}
