import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent events that keep open pages in step with the site: `reload` (with the
/// pages that changed, or null for all), `settled` (the pages whose related lists changed once
/// related articles and search caught up), `problems` (the build's diagnostics) and `ok`
/// (the site builds again).
actor EventStream {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextClient = 0
    /// The last `problems` or `ok` message, sent to each page as it connects so a page opened
    /// while the site is broken shows the problems at once.
    private var state: [UInt8]?

    /// A response body that stays open and carries every event sent from now on.
    func subscribe() -> HTTPBodySequence {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = nextClient
        nextClient += 1
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        // A comment first, so the browser sees the stream open before any event.
        continuation.yield(Array(": tebiki\nretry: 500\n\n".utf8))
        if let state { continuation.yield(state) }
        return HTTPBodySequence(from: Body(stream: stream))
    }

    func send(_ event: String, data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        let message = Array("event: \(event)\n\(lines)\n".utf8)
        if event == "problems" || event == "ok" { state = message }
        for client in clients.values { client.yield(message) }
    }

    /// Ends every stream, so the server can stop without waiting for pages to go away.
    func finish() {
        for client in clients.values { client.finish() }
        clients = [:]
    }

    var clientCount: Int { clients.count }
}

private extension EventStream {
    func remove(_ id: Int) {
        clients[id] = nil
    }

    /// The stream's messages as the bytes FlyingFox writes, a message at a time.
    struct Body: AsyncBufferedSequence {
        typealias Element = UInt8
        let stream: AsyncStream<[UInt8]>

        func makeAsyncIterator() -> Iterator { Iterator(messages: stream.makeAsyncIterator()) }

        struct Iterator: AsyncBufferedIteratorProtocol {
            var messages: AsyncStream<[UInt8]>.Iterator
            var pending: ArraySlice<UInt8> = []

            mutating func next() async -> UInt8? {
                await nextBuffer(suggested: 1)?.first
            }

            mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
                if pending.isEmpty {
                    guard let message = await messages.next() else { return nil }
                    pending = message[...]
                }
                let taken = pending.prefix(Swift.max(count, 1))
                pending = pending.dropFirst(taken.count)
                return taken
            }
        }
    }
}
