import Foundation

/// Reads the size of a PNG, GIF, JPEG or WebP image from its first bytes, without decoding it.
enum ImageHeader {
    /// Enough for every header but a JPEG with a long metadata block before its frame header.
    static let prefixLength = 256 * 1024

    static func size(of bytes: [UInt8]) -> ImageSize? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), bytes.count >= 24 {
            return valid(bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
        }
        if bytes.starts(with: Array("GIF8".utf8)), bytes.count >= 10 {
            return valid(littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2))
        }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 30, Array(bytes[8..<12]) == Array("WEBP".utf8) { return webp(bytes) }
        return nil
    }

    /// The first `prefixLength` bytes of a file, read through a regular-file check.
    static func prefix(ofFileAt path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: prefixLength)).map { Array($0) }
    }
}

private extension ImageHeader {
    static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 && width <= 100_000 && height <= 100_000 ? ImageSize(width: width, height: height) : nil
    }

    static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Segment by segment to the first start-of-frame marker, which holds height then width.
    static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = bigEndian(bytes, index + 2, 2)
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame { return valid(bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2)) }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    /// Lossy (`VP8 `), lossless (`VP8L`) and extended (`VP8X`) WebP.
    static func webp(_ bytes: [UInt8]) -> ImageSize? {
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            return valid(littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return valid(littleEndian(bytes, 24, 3) + 1, littleEndian(bytes, 27, 3) + 1)
        default:
            return nil
        }
    }
}
