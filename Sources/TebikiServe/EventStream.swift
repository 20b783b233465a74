import Foundation

/// The server-sent events that keep open pages in step with the site: `reload` (with the
/// pages that changed, or null for all), `settled` (the pages whose related lists changed once
/// related articles and search caught up), `problems` (the build's diagnostics) and `ok`
/// (the site builds again). Written straight to each page's socket; a page that stops reading
/// is dropped rather than allowed to hold the others up.
final class EventStream: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: Set<Int32> = []
    private var finished = false
    /// The last `problems` or `ok` message, sent to each page as it connects so a page opened
    /// while the site is broken shows the problems at once.
    private var state: [UInt8]?

    /// Starts sending to a connection whose response head is already written; false once the
    /// server is stopping.
    func subscribe(_ socket: Int32) -> Bool {
        lock.withLock {
            guard !finished else { return false }
            // A comment first, so the browser sees the stream open before any event.
            guard Self.write(Array(": tebiki\nretry: 500\n\n".utf8), to: socket),
                  state.map({ Self.write($0, to: socket) }) ?? true else { return false }
            clients.insert(socket)
            return true
        }
    }

    func unsubscribe(_ socket: Int32) {
        lock.withLock { _ = clients.remove(socket) }
    }

    func send(_ event: String, data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        let message = Array("event: \(event)\n\(lines)\n".utf8)
        lock.withLock {
            if event == "problems" || event == "ok" { state = message }
            for client in clients where !Self.write(message, to: client) {
                clients.remove(client)
                shutdown(client, Int32(SHUT_RDWR))
            }
        }
    }

    /// Ends every stream, so the server can stop without waiting for pages to go away.
    func finish() {
        lock.withLock {
            finished = true
            for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
            clients = []
        }
    }
}

private extension EventStream {
    /// The whole message without waiting: a message is small beside a socket's buffer, so one
    /// that does not fit means the page has stopped reading.
    static func write(_ bytes: [UInt8], to socket: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            Foundation.send(socket, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) == raw.count
        }
    }
}
