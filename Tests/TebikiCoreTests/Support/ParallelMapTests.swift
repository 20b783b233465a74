import Dispatch
import Foundation
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

    /// The side runs while the main part does: each waits for a sign from the other, which
    /// one after the other could never give (the waits time out instead of hanging).
    @Test func sideAndMainRunAtOnceAndBothResultsComeBack() {
        let sideStarted = DispatchSemaphore(value: 0), mainStarted = DispatchSemaphore(value: 0)
        let (side, main) = inParallel({ () -> Bool in
            sideStarted.signal()
            return mainStarted.wait(timeout: .now() + 30) == .success
        }) { () -> [Int] in
            mainStarted.signal()
            return sideStarted.wait(timeout: .now() + 30) == .success ? parallelMap(Array(0..<100)) { $0 + 1 } : []
        }
        #expect(side)
        #expect(main == Array(1...100))
    }

    /// When no thread can be made (here, for a stack larger than any machine has), the side
    /// runs on this thread after the main part instead of never.
    @Test func withoutAThreadTheSideRunsHereAfterTheMainPart() {
        let caller = pthread_self()
        let order = Order()
        let (sideThread, mainThread) = inParallel(stackSize: Int.max / 2, { () -> pthread_t in
            order.append("side")
            return pthread_self()
        }) { () -> pthread_t in
            order.append("main")
            return pthread_self()
        }
        #expect(pthread_equal(sideThread, caller) != 0)
        #expect(pthread_equal(mainThread, caller) != 0)
        #expect(order.steps == ["main", "side"])
    }
}

/// The order the two parts ran in, when they run one after the other.
private final class Order: @unchecked Sendable {
    private(set) var steps: [String] = []
    func append(_ step: String) { steps.append(step) }
}
