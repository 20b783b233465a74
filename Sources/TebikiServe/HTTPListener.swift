import Foundation

/// The preview server's HTTP/1.1 transport: a listening socket on a name or address (IPv4 or
/// IPv6), a thread per connection (at most `connectionLimit` at once), request heads read
/// within `RequestHead`'s limits, files streamed from disk, bodies left out for HEAD, and a
/// stop that ends every connection at once. Written here instead of using a library because
/// none in reach bounds its parser: a megabyte-long request line kept both cores busy for
/// minutes and the process deaf to SIGTERM.
final class HTTPListener: @unchecked Sendable {
    typealias Handler = @Sendable (RequestHead) async -> HTTPReply

    /// The port listened on (the one picked by the system when 0 was asked for).
    let port: UInt16
    /// Connections beyond this many are answered 503 at once.
    static let connectionLimit = 128
    /// A connection that sends nothing for this long is closed (a slow request head included).
    static let idleSeconds = 10

    private let listening: Int32
    private let wake: (read: Int32, write: Int32)
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopping = false
    /// Signalled when the accept loop has closed the listening socket.
    private let closed = DispatchSemaphore(value: 0)

    struct BindError: Error, CustomStringConvertible {
        var description: String
    }

    /// Listens on `host` (`127.0.0.1`, `localhost`, `::1`, `0.0.0.0`, a name) and `port`.
    init(host: String, port: UInt16) throws(BindError) {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, String(port), &hints, &found)
        guard status == 0, let first = found else { throw BindError(description: "cannot resolve '\(host)': \(String(cString: gai_strerror(status)))") }
        defer { freeaddrinfo(first) }
        var lastProblem = "no address"
        var bound: Int32?
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate, bound == nil {
            candidate = info.pointee.ai_next
            let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            var on: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if info.pointee.ai_family == AF_INET6 {
                setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            if bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 && listen(descriptor, SOMAXCONN) == 0 {
                bound = descriptor
            } else {
                lastProblem = String(cString: strerror(errno))
                close(descriptor)
            }
        }
        guard let bound else { throw BindError(description: lastProblem) }
        listening = bound
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(bound, $0, &length) }
        }
        self.port = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                address.pointee.sa_family == sa_family_t(AF_INET6)
                    ? UInt16(bigEndian: pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port })
                    : UInt16(bigEndian: pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port })
            }
        }
        var pipeEnds: [Int32] = [0, 0]
        _ = pipe(&pipeEnds)
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (pipeEnds[0], pipeEnds[1])
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    /// Accepts connections on a thread of its own until `stop`.
    func run(_ handler: @escaping Handler) {
        let thread = Thread { [self] in acceptLoop(handler) }
        thread.name = "tebiki-serve-accept"
        thread.start()
    }

    /// Stops accepting and ends every open connection, event streams included; returns once
    /// the port is closed.
    func stop() {
        let first = lock.withLock {
            defer { stopping = true }
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return !stopping
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = Foundation.write(wake.write, &byte, 1)
        _ = closed.wait(timeout: .now() + 2)
    }
}

private extension HTTPListener {
    func acceptLoop(_ handler: @escaping Handler) {
        defer {
            close(listening)
            closed.signal()
        }
        while true {
            var pollers = [pollfd(fd: listening, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&pollers, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || pollers[1].revents != 0 { return }
            let connection = accept(listening, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors, say: the connection stays queued, so wait instead of spinning.
                if errno != EINTR && errno != EAGAIN { usleep(20_000) }
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = lock.withLock { () -> Bool in
                guard !stopping, connections.count < Self.connectionLimit else { return false }
                connections.insert(connection)
                return true
            }
            guard admitted else {
                _ = send(reply: .text(503, "503 busy\n"), head: nil, on: connection, keepAlive: false)
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection, handler)
                lock.withLock { _ = connections.remove(connection) }
                close(connection)
            }
            thread.start()
        }
    }

    /// Answers requests on one connection until it closes, asks to close, or goes idle.
    func serve(_ connection: Int32, _ handler: @escaping Handler) {
        var timeout = timeval(tv_sec: Self.idleSeconds, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var progress = RequestHead.Progress()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            switch RequestHead.parse(buffer, after: progress) {
            case .incomplete(let next):
                progress = next
                let count = recv(connection, &chunk, chunk.count, 0)
                guard count > 0 else { return }
                buffer += chunk[..<count]
            case .refused(let status):
                _ = send(reply: .text(status, "\(status) \(HTTPReply.reason(status).lowercased())\n"), head: nil, on: connection, keepAlive: false)
                return
            case .complete(let head, let length):
                buffer.removeFirst(length)
                progress = RequestHead.Progress()
                // A body is never read (only GET and HEAD are answered), so the connection ends after it.
                let hasBody = (head.headers["content-length"].flatMap { Int($0) } ?? 0) > 0 || head.headers["transfer-encoding"] != nil
                let keepAlive = !hasBody && (head.version == "HTTP/1.1"
                    ? head.headers["connection"]?.lowercased() != "close"
                    : head.headers["connection"]?.lowercased() == "keep-alive")
                let reply = Self.answer(handler, head)
                if case .events(let events) = reply.body, head.method != "HEAD" {
                    stream(events, on: connection, reply: reply)
                    return
                }
                guard send(reply: reply, head: head, on: connection, keepAlive: keepAlive), keepAlive,
                      !lock.withLock({ stopping }) else { return }
            }
        }
    }

    /// Runs the async handler from this plain thread, which may wait: it is not one of the
    /// threads Swift concurrency runs tasks on.
    static func answer(_ handler: @escaping Handler, _ head: RequestHead) -> HTTPReply {
        final class Box: @unchecked Sendable { var reply = HTTPReply(500) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.reply = await handler(head)
            done.signal()
        }
        done.wait()
        return box.reply
    }

    /// Writes the head and (unless the request was HEAD) the body; false when the peer is gone.
    func send(reply: HTTPReply, head: RequestHead?, on connection: Int32, keepAlive: Bool) -> Bool {
        var file: Int32 = -1
        defer { if file >= 0 { close(file) } }
        var length = 0
        switch reply.body {
        case .bytes(let bytes): length = bytes.count
        case .file(let path):
            file = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            var info = stat()
            guard file >= 0, fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                return send(reply: .text(404, "404 not found\n"), head: head, on: connection, keepAlive: keepAlive)
            }
            length = Int(info.st_size)
        case .events:
            break
        }
        var text = "HTTP/1.1 \(reply.status) \(HTTPReply.reason(reply.status))\r\n"
        for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(length)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        guard Self.write(Array(text.utf8), to: connection) else { return false }
        if head?.method == "HEAD" { return true }
        switch reply.body {
        case .bytes(let bytes):
            return Self.write(bytes, to: connection)
        case .file:
            var piece = [UInt8](repeating: 0, count: 64 * 1024)
            var remaining = length
            while remaining > 0 {
                let count = read(file, &piece, min(piece.count, remaining))
                guard count > 0, Self.write(Array(piece[..<count]), to: connection) else { return false }
                remaining -= count
            }
            return true
        case .events:
            return true
        }
    }

    /// An event stream: its head, then the connection belongs to `stream` until the page
    /// closes it or the server stops.
    func stream(_ stream: EventStream, on connection: Int32, reply: HTTPReply) {
        var text = "HTTP/1.1 200 OK\r\n"
        for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
        text += "Connection: close\r\n\r\n"
        guard Self.write(Array(text.utf8), to: connection), stream.subscribe(connection) else { return }
        defer { stream.unsubscribe(connection) }
        var scratch = [UInt8](repeating: 0, count: 512)
        while true {
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || poller.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }
            // Anything a page sends on an event stream is ignored; nothing means it closed.
            let count = recv(connection, &scratch, scratch.count, Int32(MSG_DONTWAIT))
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return }
        }
    }

    static func write(_ bytes: [UInt8], to connection: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }
}
