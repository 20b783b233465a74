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

    /// Appends `text`, escaped but without quotes, to a UTF-8 buffer. Runs of bytes that need
    /// no escape are copied whole: the search index escapes tens of megabytes of article text.
    static func append(_ text: String, to out: inout [UInt8]) {
        text.withContiguousUTF8 { append($0, to: &out) }
    }

    /// The same for UTF-8 bytes that are part of a text.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Grown geometrically: reserving the exact size on every call reallocated (and
        // copied) the whole buffer each time, quadratic in an article's sections.
        let needed = out.count + bytes.count + 8
        if out.capacity < needed { out.reserveCapacity(Swift.max(needed, out.capacity * 2)) }
        var runStart = 0
        var index = 0
        let table = needsEscape
        let (space, quote, backslash, lt, gt, amp, e2) = (SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0x22),
                                                          SIMD16<UInt8>(repeating: 0x5C), SIMD16<UInt8>(repeating: 0x3C),
                                                          SIMD16<UInt8>(repeating: 0x3E), SIMD16<UInt8>(repeating: 0x26),
                                                          SIMD16<UInt8>(repeating: 0xE2))
        while true {
            // Sixteen bytes at a time to the next byte `needsEscape` names: most text has none.
            index = ByteSearch.firstIndex(in: bytes, from: index, chunk: { chunk in
                (chunk .< space) .| (chunk .== quote) .| (chunk .== backslash) .| (chunk .== lt) .| (chunk .== gt) .| (chunk .== amp) .| (chunk .== e2)
            }, byte: { table[Int($0)] })
            guard index < bytes.count else { break }
            let byte = bytes[index]
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are plain text.
            if byte == 0xE2 && !(index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)) {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out.append("\\u003c")
            case 0x3E: out.append("\\u003e")
            case 0x26: out.append("\\u0026")
            case 0xE2:
                out.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default:
                out.append("\\u00")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Bytes that are escaped, or may start a sequence that is (0xE2).
    private static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }

    /// Writes a non-negative integer in decimal at `start`, which has room for `longestNumber`
    /// bytes; returns how many it wrote. The search index writes tens of millions of them, a
    /// few to a buffer that is then appended once: appended a digit at a time, each digit paid
    /// for the array's checks.
    static func write(_ number: Int32, to start: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(number >= 0, "only non-negative numbers are written")
        // Most are under a thousand (gaps between article numbers, weights, sections): written
        // without counting their digits first.
        if number < 10 {
            start[0] = 0x30 + UInt8(truncatingIfNeeded: number)
            return 1
        }
        if number < 100 {
            start[0] = 0x30 + UInt8(truncatingIfNeeded: number / 10)
            start[1] = 0x30 + UInt8(truncatingIfNeeded: number % 10)
            return 2
        }
        if number < 1000 {
            start[0] = 0x30 + UInt8(truncatingIfNeeded: number / 100)
            start[1] = 0x30 + UInt8(truncatingIfNeeded: number / 10 % 10)
            start[2] = 0x30 + UInt8(truncatingIfNeeded: number % 10)
            return 3
        }
        var count = 1
        var limit: Int64 = 10
        while Int64(number) >= limit {
            count += 1
            limit *= 10
        }
        var rest = number
        for offset in stride(from: count - 1, through: 0, by: -1) {
            start[offset] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        return count
    }

    static let longestNumber = 10

    private static let hex = Array("0123456789abcdef".utf8)
}
