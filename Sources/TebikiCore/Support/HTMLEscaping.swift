/// Escaping for everything that reaches a page from content. Works on UTF-8 bytes because
/// it runs over every character of every article.
public enum HTMLEscaping {
    /// Text and attribute values: `& < > " '` become entities.
    public static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A URL for an `href` or `src`: non-ASCII and unsafe bytes percent-encoded (existing `%XX`
    /// escapes kept), and `&` written as `&amp;`.
    public static func escapeURL(_ url: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(url.utf8.count + 16)
        for byte in percentEncoded(url, keepingAmpersand: true) {
            if byte == 0x26 { out.append(contentsOf: "&amp;".utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a URL path or fragment, `&` included, for use outside HTML (sitemap, JSON)
    /// or inside a template, which HTML-escapes it.
    public static func percentEncode(_ url: String) -> String {
        String(decoding: percentEncoded(url, keepingAmpersand: false), as: UTF8.self)
    }
}

private extension HTMLEscaping {
    static let hex = Array("0123456789ABCDEF".utf8)

    static func percentEncoded(_ url: String, keepingAmpersand: Bool) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if byte < 0x80 && urlSafe[Int(byte)] && (keepingAmpersand || byte != 0x26) {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// The ASCII bytes left as they are in a URL attribute (RFC 3986's reserved and unreserved
    /// characters and `%`); quotes, `<`, `>`, spaces and controls are encoded.
    static let urlSafe: [Bool] = (0..<128).map { byte in
        let scalar = Character(Unicode.Scalar(UInt8(byte)))
        if scalar.isLetter || scalar.isNumber { return true }
        return "-_.~!*();:@&=+$,/?#[]%".contains(scalar)
    }
}
