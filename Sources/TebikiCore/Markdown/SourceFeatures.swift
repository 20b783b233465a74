import Foundation

/// What a Markdown text may hold that takes more than cmark's own parse, found with the C
/// library's byte searches, so an article with none of it (most are) pays next to nothing for
/// the extensions.
struct SourceFeatures {
    /// A `|`: a table may be there.
    private(set) var pipes = false
    /// A `~`: strikethrough may be there, which pairs runs across a whole paragraph.
    private(set) var tildes = false
    /// A line starting (after spaces and `>`) with `:::`: a container fence may be there.
    private(set) var fences = false
    /// `://`, `www.` or `@`: an autolink may be there.
    private(set) var autolinks = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return }
            func has(_ byte: UInt8) -> Bool { ByteSearch.buffer(bytes, contains: byte) }
            func has(_ needle: StaticString) -> Bool { ByteSearch.buffer(bytes, contains: needle) }
            pipes = has(UInt8(ascii: "|"))
            tildes = has(UInt8(ascii: "~"))
            autolinks = has(UInt8(ascii: "@")) || has("://") || has("www.") || has("WWW.")
            fences = has(":::") && Self.fenceAtLineStart(bytes)
        }
    }
}

private extension SourceFeatures {
    static func fenceAtLineStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = true, colons = 0
        for byte in bytes {
            if byte == 0x0A {
                lineStart = true
                colons = 0
            } else if lineStart {
                if byte == UInt8(ascii: ":") {
                    colons += 1
                    if colons == 3 { return true }
                } else if colons > 0 || !(byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ">")) {
                    lineStart = false
                }
            }
        }
        return false
    }
}
