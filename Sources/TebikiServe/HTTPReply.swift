import Foundation

/// What the preview server answers to one request.
struct HTTPReply: Sendable {
    enum Body: Sendable {
        case bytes([UInt8])
        /// A file streamed from disk in pieces, never read whole into memory.
        case file(path: String)
        /// A server-sent event stream that stays open until the page or the server goes away.
        case events(EventStream)
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body

    init(_ status: Int, headers: [(String, String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func text(_ status: Int, _ text: String, type: String = "text/plain; charset=utf-8") -> HTTPReply {
        HTTPReply(status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: .bytes(Array(text.utf8)))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
