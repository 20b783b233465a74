import Testing
@testable import TebikiCore

/// Work split into chunks for all cores: every count, evenly divided or not, gives what one
/// core working through the items in order gives.
@Suite("Parallel map")
struct ParallelMapTests {
    @Test func everyCountMapsEveryItemOnceInOrder() {
        for count in 0...300 {
            let items = Array(0..<count)
            #expect(parallelMap(items) { $0 * 3 } == items.map { $0 * 3 }, "\(count) items")
        }
    }

    @Test func everyCountChangesEveryItemOnce() {
        for count in 0...300 {
            var items = Array(repeating: 0, count: count)
            parallelUpdate(&items) { $0 += 1 }
            #expect(items == Array(repeating: 1, count: count), "\(count) items")
        }
    }
}
