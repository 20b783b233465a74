import Foundation
import Testing
@testable import TebikiCore

@Suite("Image sizes")
struct ImageHeaderTests {
    static func littleEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8((value >> (8 * $0)) & 0xFF) }
    }

    @Test func pngFromTheFixture() throws {
        let url = TestSites.fixtures.appendingPathComponent("markdown/Articles/guide/settings-screen.png")
        let bytes = try #require(ImageHeader.prefix(ofFileAt: url.path))
        #expect(ImageHeader.size(of: bytes) == ImageSize(width: 1600, height: 120))
    }

    @Test func gifJPEGAndTheThreeWebPKinds() {
        let gif = Array("GIF89a".utf8) + Self.littleEndian(320, 2) + Self.littleEndian(200, 2) + [0, 0, 0]
        #expect(ImageHeader.size(of: gif) == ImageSize(width: 320, height: 200))
        // SOI, an APP0 segment of 16 bytes, then SOF0: length, precision, height 480, width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + Array(repeating: 0, count: 12)
        #expect(ImageHeader.size(of: jpeg) == ImageSize(width: 640, height: 480))
        func webp(_ kind: String, _ payload: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(kind.utf8) + [0, 0, 0, 0] + payload + Array(repeating: 0, count: 16)
        }
        #expect(ImageHeader.size(of: webp("VP8X", [0, 0, 0, 0] + Self.littleEndian(799, 3) + Self.littleEndian(599, 3)))
                == ImageSize(width: 800, height: 600))
        let lossless = (1023) | (767 << 14)
        #expect(ImageHeader.size(of: webp("VP8L", [0x2F] + Self.littleEndian(lossless, 4))) == ImageSize(width: 1024, height: 768))
        #expect(ImageHeader.size(of: webp("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A] + Self.littleEndian(300, 2) + Self.littleEndian(150, 2)))
                == ImageSize(width: 300, height: 150))
    }

    @Test func truncatedOrUnknownBytesHaveNoSize() {
        #expect(ImageHeader.size(of: []) == nil)
        #expect(ImageHeader.size(of: [0x89, 0x50, 0x4E, 0x47]) == nil)
        #expect(ImageHeader.size(of: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(ImageHeader.size(of: Array("RIFF....WEBPVP8?".utf8) + Array(repeating: 0, count: 20)) == nil)
        #expect(ImageHeader.size(of: Array("not an image at all".utf8)) == nil)
    }

    @Test(arguments: [
        (#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>"#, ImageSize(width: 640, height: 360)),
        (#"<svg width="64px" height="32px" viewBox="0 0 8 4"/>"#, ImageSize(width: 64, height: 32)),
        (#"<?xml version="1.0"?><svg viewBox="0 0 480 270.4"><rect/></svg>"#, ImageSize(width: 480, height: 270)),
    ])
    func svgSizesComeFromItsRootElement(svg: String, size: ImageSize) {
        #expect(SVGScan.size(in: svg) == size)
    }

    @Test func anSVGSizedOnlyInPercentOrEmHasNone() {
        #expect(SVGScan.size(in: #"<svg width="100%" height="2em"></svg>"#) == nil)
    }
}
