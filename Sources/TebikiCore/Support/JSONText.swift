/// JSON string literals that are also safe inside a `<script>` element and in JavaScript:
/// `<`, `>`, `&`, U+2028 and U+2029 are written as escapes, so text from an article can never
/// end the script or change its meaning. Works on UTF-8 bytes: the search index writes every
/// section of every article through it.
enum JSONText {
    static func string(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        append(text, to: &out)
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text`, escaped but without quotes, to a UTF-8 buffer.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count + 8)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = iterator.next()
                let third = second == 0x80 ? iterator.next() : nil
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    out += Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out.append(byte)
                    if let second { out.append(second) }
                    if let third { out.append(third) }
                }
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
    }

    /// Appends a non-negative integer in decimal, without allocating: the search index writes
    /// tens of millions of them.
    static func append(_ number: Int32, to out: inout [UInt8]) {
        var divisor: Int32 = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            out.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
