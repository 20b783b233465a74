import Testing
@testable import TebikiCore

@Suite("Scratch bytes")
struct ScratchBytesTests {
    /// Grown from room for one byte, emptied and filled again, it holds what an array would.
    @Test func holdsWhatAnArrayWouldThroughGrowingAndEmptying() {
        var scratch = ScratchBytes(capacity: 1)
        var reference: [UInt8] = []
        var random = SeededRandom(seed: 12)
        for step in 0..<2_000 {
            switch random.next(below: 10) {
            case 0:
                scratch.removeAll()
                reference.removeAll()
            case 1 where !reference.isEmpty:
                scratch.removeLast()
                reference.removeLast()
            case 2...5:
                let run = (0..<random.next(below: 40)).map { UInt8(truncatingIfNeeded: step &+ $0) }
                run.withUnsafeBufferPointer { scratch.append($0) }
                reference += run
            default:
                scratch.append(UInt8(truncatingIfNeeded: step))
                reference.append(UInt8(truncatingIfNeeded: step))
            }
            #expect(Array(scratch.bytes) == reference)
            #expect(scratch.count == reference.count && scratch.isEmpty == reference.isEmpty && scratch.last == reference.last)
        }
    }
}
