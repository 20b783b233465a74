/// The HTML of an article body as it is rendered, in UTF-8 bytes: a String appended to a piece
/// at a time took about 370 instructions an append, hundreds of times an article.
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    /// Where the next byte goes.
    var count: Int { bytes.count }

    static func += (output: inout HTMLOutput, text: String) {
        output.bytes.append(utf8: text)
    }

    /// The text with `&`, `<`, `>` and quotes escaped.
    mutating func appendEscaped(_ text: String) {
        HTMLEscaping.escape(text, into: &bytes)
    }

    /// What was written from `start` on, taken back out.
    mutating func removeAll(from start: Int) -> String {
        defer { bytes.removeSubrange(start...) }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
