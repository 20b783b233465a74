import Testing
@testable import TebikiCore

@Suite("JSON text")
struct JSONTextTests {
    /// The text is read sixteen bytes at a time: each character that is escaped, and a dash
    /// whose first byte is that of U+2028 but which is not escaped, at every place around the
    /// sixteen-byte edges of ASCII and kana texts, gives what a character-by-character escape gives.
    @Test func everyEscapeIsWrittenWhereverItFallsInTheText() {
        func reference(_ text: String) -> String {
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "<": "\\u003c"
                case ">": "\\u003e"
                case "&": "\\u0026"
                case "\u{2028}": "\\u2028"
                case "\u{2029}": "\\u2029"
                case _ where scalar.value < 0x20: "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: String(scalar)
                }
            }.joined()
        }
        let specials = ["\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{01}", "\u{1F}", "—"]
        for filler in ["a", "ロ"] {
            for length in 0...40 {
                let plain = String(repeating: filler, count: length)
                var out: [UInt8] = []
                JSONText.append(plain, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == plain)
                for special in specials {
                    for place in 0...length {
                        let text = String(repeating: filler, count: place) + special + String(repeating: filler, count: length - place)
                            + String(repeating: filler, count: place % 17) + special
                        var out: [UInt8] = []
                        JSONText.append(text, to: &out)
                        #expect(String(decoding: out, as: UTF8.self) == reference(text), "\(special.unicodeScalars.map(\.value)) at \(place) of \(length)")
                    }
                }
            }
        }
    }
}
