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
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            func has(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), bytes.count) != nil }
            // Each place the needle's first byte is, found by memchr, compared for the rest.
            func has(_ needle: String) -> Bool {
                let needle = Array(needle.utf8)
                var offset = 0
                while offset + needle.count <= bytes.count,
                      let found = memchr(base + offset, Int32(needle[0]), bytes.count - offset - needle.count + 1) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle, needle.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
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
