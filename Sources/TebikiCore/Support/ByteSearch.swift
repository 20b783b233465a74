import Foundation

/// Whether a text's UTF-8 holds some bytes, found with the C library's memchr and memcmp:
/// every article's text is searched several times (for extensions, includes, variables), and
/// a loop over `String.UTF8View` took several times longer.
enum ByteSearch {
    static func text(_ text: String, contains needle: StaticString) -> Bool {
        text.withContiguousUTF8 { buffer($0, contains: needle) }
    }

    static func buffer(_ bytes: UnsafeBufferPointer<UInt8>, contains byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Each place the needle's first byte is, found by memchr, compared for the rest. The
    /// needle is a literal, read where it is: making an array of it for each search cost more
    /// than the search.
    static func buffer(_ bytes: UnsafeBufferPointer<UInt8>, contains needle: StaticString) -> Bool {
        firstIndex(of: needle, in: bytes, from: 0) != nil
    }

    /// The first position from `start` on whose byte `isMatch`, or the end: sixteen bytes at a
    /// time while `chunkMatches` finds none in them, then byte by byte from the chunk that has
    /// one. For the escapes, which read every title, text and snippet and find little to escape.
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                           chunk chunkMatches: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>, byte isMatch: (UInt8) -> Bool) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 16 <= bytes.count {
                let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                // A byte a lane, read as two words (as `RangeScan` does): `any` on the mask was
                // not inlined, and cost more than the bytes it spared.
                let lanes = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: chunkMatches(chunk)), to: (UInt64, UInt64).self)
                if lanes.0 | lanes.1 != 0 { break }
                index += 16
            }
        }
        while index < bytes.count && !isMatch(bytes[index]) { index += 1 }
        return index
    }

    /// Where the needle first starts at or after `start`; nil when it does not.
    static func firstIndex(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        guard length > 0 else { return start }
        guard let base = bytes.baseAddress else { return nil }
        let first = needle.utf8Start
        var offset = start
        while offset + length <= bytes.count, let found = memchr(base + offset, Int32(first.pointee), bytes.count - offset - length + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, first, length) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    /// Where `byte` first is in `bytes[start..<end]` (`end` defaults to the end), found by memchr.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard let base = bytes.baseAddress, start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where a byte first is in a text, found by memchr on its contiguous UTF-8: searching the
    /// UTF-8 view cost about 25 instructions a byte, on every link of every article.
    static func firstIndex(of byte: UInt8, in text: Substring) -> String.Index? {
        let offset = text.withContiguousUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Where a byte last is in a text, read backwards on its contiguous UTF-8 (Swift's Glibc
    /// has no memrchr): the UTF-8 view took 800 instructions for an article's id on every link.
    static func lastIndex(of byte: UInt8, in text: String) -> String.Index? {
        let offset = text.withContiguousUTF8 { bytes -> Int? in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == byte { return index }
            }
            return nil
        }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether every byte of the text is ASCII, read the same way.
    static func isASCII(_ text: String) -> Bool {
        text.withContiguousUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    /// The text with every `needle` replaced by `replacement`, searched as bytes: Foundation's
    /// `replacingOccurrences` took 21 million instructions to put the widget's data into its
    /// 39 KB script, going through UTF-16.
    static func replacing(_ needle: StaticString, in text: String, with replacement: String) -> String {
        var text = text
        let replaced = text.withUTF8 { bytes -> [UInt8]? in
            guard var found = firstIndex(of: needle, in: bytes, from: 0) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + replacement.utf8.count)
            var copied = 0
            while true {
                out += UnsafeBufferPointer(rebasing: bytes[copied..<found])
                out.append(utf8: replacement)
                copied = found + needle.utf8CodeUnitCount
                guard let next = firstIndex(of: needle, in: bytes, from: copied) else { break }
                found = next
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
            return out
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
