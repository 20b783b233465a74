/// Escaping for everything that reaches a page from content. Works on UTF-8 bytes because
/// it runs over every character of every article.
public enum HTMLEscaping {
    /// Text and attribute values: `& < > " '` become entities.
    public static func escape(_ text: String) -> String {
        // Read on the contiguous bytes, the run before the first special byte copied whole:
        // most text has nothing to escape, and going through the UTF-8 view cost several
        // branches a byte.
        return text.withContiguousUTF8 { bytes -> String? in
            let first = firstSpecial(in: bytes, from: 0)
            guard first < bytes.count else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEscaped(UnsafeBufferPointer(rebasing: bytes[first...]), to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The same, appended to UTF-8 bytes, as pages are rendered: no String is made for text
    /// with something to escape.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        text.withContiguousUTF8 { appendEscaped($0, to: &out) }
    }

    /// A URL for an `href` or `src`: non-ASCII and unsafe bytes percent-encoded (existing `%XX`
    /// escapes kept), and `&` written as `&amp;`.
    public static func escapeURL(_ url: String) -> String {
        encoded(url, ampersand: "&amp;")
    }

    /// The same, appended to UTF-8 bytes.
    static func escapeURL(_ url: String, into out: inout [UInt8]) {
        url.withContiguousUTF8 { bytes in
            let safe = urlSafe
            let first = bytes.firstIndex { !isKeptInURL($0, safe) } ?? bytes.count
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEncoded(UnsafeBufferPointer(rebasing: bytes[first...]), ampersand: "&amp;", to: &out)
        }
    }

    /// Percent-encodes a URL path or fragment, `&` included, for use outside HTML (sitemap, JSON)
    /// or inside a template, which HTML-escapes it.
    public static func percentEncode(_ url: String) -> String {
        encoded(url, ampersand: "%26")
    }
}

private extension HTMLEscaping {
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Runs without anything to escape are copied whole.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        var index = firstSpecial(in: bytes, from: 0)
        while index < bytes.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch bytes[index] {
            case 0x26: out.append("&amp;")
            case 0x3C: out.append("&lt;")
            case 0x3E: out.append("&gt;")
            case 0x22: out.append("&quot;")
            default: out.append("&#39;")
            }
            start = index + 1
            index = firstSpecial(in: bytes, from: start)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// The position of the first byte from `start` on that `isSpecial`, or the end, sixteen
    /// bytes at a time (a byte at a time, five compares a byte, it was 500 instructions a call).
    @inline(__always)
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let (amp, lt, gt, quot, apos) = (SIMD16<UInt8>(repeating: 0x26), SIMD16<UInt8>(repeating: 0x3C), SIMD16<UInt8>(repeating: 0x3E),
                                         SIMD16<UInt8>(repeating: 0x22), SIMD16<UInt8>(repeating: 0x27))
        return ByteSearch.firstIndex(in: bytes, from: start, chunk: { chunk in
            (chunk .== amp) .| (chunk .== lt) .| (chunk .== gt) .| (chunk .== quot) .| (chunk .== apos)
        }, byte: isSpecial)
    }

    static let hex = Array("0123456789ABCDEF".utf8)

    /// The URL with unsafe bytes percent-encoded and `&` written as `ampersand`; the URL itself
    /// when nothing changes, as for most of the thousands of links a page has. Read on the
    /// contiguous bytes, the run before the first change copied whole.
    static func encoded(_ url: String, ampersand: StaticString) -> String {
        return url.withContiguousUTF8 { bytes -> String? in
            let safe = urlSafe
            guard let first = bytes.firstIndex(where: { !isKeptInURL($0, safe) }) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            appendEncoded(UnsafeBufferPointer(rebasing: bytes[first...]), ampersand: ampersand, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? url
    }

    /// `safe` is `urlSafe`, read once by the caller rather than once a byte.
    static func isKeptInURL(_ byte: UInt8, _ safe: [Bool]) -> Bool { byte < 0x80 && byte != 0x26 && safe[Int(byte)] }

    /// Written to a buffer and appended at once: appended a byte at a time, each of the three
    /// of an encoded byte cost more than working it out (every Japanese heading's anchor is).
    static func appendEncoded(_ bytes: UnsafeBufferPointer<UInt8>, ampersand: StaticString, to out: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        let (safe, hex) = (urlSafe, hex)
        let widest = max(3, ampersand.utf8CodeUnitCount)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * widest) { buffer in
            var end = 0
            for byte in bytes {
                if isKeptInURL(byte, safe) {
                    buffer[end] = byte
                    end += 1
                } else if byte == 0x26 {
                    for offset in 0..<ampersand.utf8CodeUnitCount { buffer[end + offset] = ampersand.utf8Start[offset] }
                    end += ampersand.utf8CodeUnitCount
                } else {
                    buffer[end] = 0x25
                    buffer[end + 1] = hex[Int(byte >> 4)]
                    buffer[end + 2] = hex[Int(byte & 0xF)]
                    end += 3
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<end]))
        }
    }

    /// The ASCII bytes left as they are in a URL attribute (RFC 3986's reserved and unreserved
    /// characters and `%`); quotes, `<`, `>`, spaces and controls are encoded.
    static let urlSafe: [Bool] = (0..<128).map { byte in
        let scalar = Character(Unicode.Scalar(UInt8(byte)))
        if scalar.isLetter || scalar.isNumber { return true }
        return "-_.~!*();:@&=+$,/?#[]%".contains(scalar)
    }
}
