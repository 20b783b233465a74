import Foundation

/// The request line and headers of one HTTP/1.1 request, read with limits so that no request,
/// however long or slow, costs more than a linear scan of at most `headLimit` bytes.
struct RequestHead: Equatable {
    var method: String
    /// The request target exactly as sent (`/login/?q=1`).
    var target: String
    var version: String
    /// Header names in lower case; repeated headers joined with ", ".
    var headers: [String: String]

    /// The longest request line answered (longer gets 414), and the most header bytes (431).
    static let requestLineLimit = 8 * 1024
    static let headersLimit = 32 * 1024
    static var headLimit: Int { requestLineLimit + headersLimit }

    /// The path part of the target, before any query.
    var path: String { String(target.prefix { $0 != "?" && $0 != "#" }) }

    /// How far an earlier look got, so bytes arriving a few at a time are scanned once.
    struct Progress: Equatable {
        var lineEnd: Int?
        var scanned = 0
    }

    enum Parse: Equatable {
        /// More bytes are needed; pass `progress` to the next call.
        case incomplete(Progress)
        /// The head, and how many bytes of the buffer it took.
        case complete(RequestHead, length: Int)
        /// Answer with this status and close the connection.
        case refused(status: Int)
    }

    /// Looks for a whole head at the start of `bytes`.
    static func parse(_ bytes: [UInt8], after progress: Progress = Progress()) -> Parse {
        var progress = progress
        if progress.lineEnd == nil {
            let window = min(bytes.count, requestLineLimit + 1)
            progress.lineEnd = progress.scanned < window ? bytes[progress.scanned..<window].firstIndex(of: 0x0A) : nil
            guard let lineEnd = progress.lineEnd else {
                if bytes.count > requestLineLimit { return .refused(status: 414) }
                progress.scanned = bytes.count
                return .incomplete(progress)
            }
            progress.scanned = lineEnd
        }
        let lineEnd = progress.lineEnd!
        // The blank line that ends the head: "\n\n" or "\n\r\n".
        var index = progress.scanned
        var headEnd: Int?
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { headEnd = index + 2; break }
                if index + 2 < bytes.count && bytes[index + 1] == 0x0D && bytes[index + 2] == 0x0A { headEnd = index + 3; break }
                if index + 2 >= bytes.count { break }  // the blank line may still be coming
            }
            index += 1
        }
        guard let headEnd else {
            if bytes.count - lineEnd > headersLimit { return .refused(status: 431) }
            progress.scanned = index
            return .incomplete(progress)
        }
        if headEnd - lineEnd > headersLimit + 2 { return .refused(status: 431) }
        guard let head = RequestHead(line: bytes[..<lineEnd], headers: bytes[(lineEnd + 1)..<headEnd]) else { return .refused(status: 400) }
        return .complete(head, length: headEnd)
    }
}

private extension RequestHead {
    init?(line: ArraySlice<UInt8>, headers: ArraySlice<UInt8>) {
        guard let text = String(validating: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self) else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }),
              parts[1].hasPrefix("/") || parts[1] == "*", parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { return nil }
        method = String(parts[0])
        target = String(parts[1])
        version = String(parts[2])
        self.headers = [:]
        for rawLine in headers.split(separator: 0x0A) {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  let name = String(validating: line[..<colon], as: UTF8.self),
                  !name.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let key = name.lowercased()
            self.headers[key] = self.headers[key].map { "\($0), \(value)" } ?? value
        }
    }
}
