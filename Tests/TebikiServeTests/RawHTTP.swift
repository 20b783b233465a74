import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately plain HTTP/1.1 client over a loopback socket: it sends the path exactly as
/// given (URLSession would tidy `..` and `%2e%2e` away before the server ever saw them).
struct RawHTTP: Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let descriptor: Int32

    /// Connects to `port` on 127.0.0.1, or on ::1 with `ipv6`.
    init(port: UInt16, ipv6: Bool = false) throws {
        descriptor = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            address.sin6_addr = in6addr_loopback
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard connected == 0 else {
            _ = Glibc.close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        // Generous: on a loaded 2-core machine the server may wait for other tests to free a thread.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(descriptor) }

    func send(_ method: String, _ path: String, host: String? = "127.0.0.1", headers: String = "") {
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        send(raw: Array("\(method) \(path) HTTP/1.1\r\n\(hostLine)\(headers)Connection: close\r\n\r\n".utf8))
    }

    /// Sends bytes exactly as given; false once the server has closed the connection.
    @discardableResult
    func send(raw bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Everything until the peer closes (or the timeout), read on a thread of its own: the
    /// server under test answers on Swift's cooperative threads, which a test blocked in a
    /// socket read would hold (two of them on a 2-core machine).
    func read() async -> Data {
        await Self.offThePool { readBlocking() }
    }

    /// Reads as text until `marker` has come (and, with `wholeLine`, the line it is on has ended).
    func read(until marker: String, wholeLine: Bool = false) async -> String {
        await Self.offThePool {
            String(decoding: readBlocking { data in
                String(decoding: data, as: UTF8.self).contains(marker) && (!wholeLine || data.last == 0x0A)
            }, as: UTF8.self)
        }
    }

    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// Reads until `done` says the bytes so far are enough, the peer closes, or the timeout.
    func readBlocking(until done: (Data) -> Bool = { _ in false }) -> Data {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received) {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        return received
    }

    static func get(_ path: String, port: UInt16, method: String = "GET", host: String? = "127.0.0.1",
                    headers: String = "", ipv6: Bool = false) async throws -> Response {
        let connection = try RawHTTP(port: port, ipv6: ipv6)
        defer { connection.close() }
        connection.send(method, path, host: host, headers: headers)
        return parse(await connection.read())
    }

    static func parse(_ data: Data) -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return Response(status: 0, headers: [:], body: data) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }
}
