import Testing
@testable import TebikiCore

/// The sixteen-at-a-time scan finds exactly the positions a plain filter finds: at every length
/// around a chunk's edge, for ranges at the bottom and top of the numbers, and for none at all.
@Suite("Range scan")
struct RangeScanTests {
    @Test(arguments: [(0, 1), (0, 256), (3840, 256), (65_280, 256), (100, 0), (0, 65_535), (65_535, 1)])
    func findsWhatAFilterFinds(low: Int, width: Int) {
        var random = SeededRandom(seed: UInt64(low * 7 + width))
        for count in [0, 1, 15, 16, 17, 31, 32, 33, 100, 1_000] {
            let values = (0..<count).map { _ in UInt16(random.next(below: 65_536)) }
            // Values planted at the range's edges, so every case has hits and near misses.
            let planted = values.enumerated().map { index, value in
                switch index % 5 {
                case 0: UInt16(truncatingIfNeeded: low)
                case 1: UInt16(truncatingIfNeeded: low + width - 1)
                case 2: UInt16(truncatingIfNeeded: low + width)
                default: value
                }
            }
            let (low16, width16) = (UInt16(low), UInt16(width))
            let expected = planted.indices.filter { planted[$0] &- low16 < width16 }
            var found: [Int] = []
            planted.withUnsafeBufferPointer { RangeScan.forEachPosition(in: $0, from: low16, width: width16) { found.append($0) } }
            #expect(found == expected, "\(count) values in \(low)..<\(low + width)")
        }
    }
}
