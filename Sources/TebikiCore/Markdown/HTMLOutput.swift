/// The HTML of an article body as it is rendered, in UTF-8 bytes: a String appended to a piece
/// at a time took about 370 instructions an append, hundreds of times an article.
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    /// Where the next byte goes.
    var count: Int { bytes.count }

    static func += (output: inout HTMLOutput, text: String) {
        output.bytes.append(utf8: text)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Bytes put in before what was written from `position` on (a heading's opening tag,
    /// known only once its text is).
    mutating func insert(_ inserted: [UInt8], at position: Int) {
        bytes.insert(contentsOf: inserted, at: position)
    }

    /// A URL for an attribute, escaped as `HTMLEscaping.escapeURL` does.
    mutating func appendURL(_ url: String) {
        HTMLEscaping.escapeURL(url, into: &bytes)
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

    /// The bytes in an array of their own size: the body is kept for every article until its
    /// page is written, and the buffer it was built in has room to spare.
    var finished: [UInt8] {
        // Copied by hand: an array made from a slice of the whole buffer shares the buffer.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }
}
