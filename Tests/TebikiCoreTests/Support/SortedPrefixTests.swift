import Testing
@testable import TebikiCore

@Suite("Sorted prefixes")
struct SortedPrefixTests {
    /// Elements with few distinct keys, so equal ones are common: their order must be kept as a
    /// stable sort keeps it, which the element's position (never compared) shows.
    @Test func equalsSortingAllAndTakingThePrefix() {
        var random = SeededRandom(seed: 8)
        for _ in 0..<2_000 {
            let length = random.next(below: 61)
            let elements = (0..<length).map { (key: random.next(below: 9), position: $0) }
            let count = random.next(below: 13)
            let order = { (a: (key: Int, position: Int), b: (key: Int, position: Int)) in a.key > b.key }
            let expected = Array(elements.sorted(by: order).prefix(count))
            let found = elements.sortedPrefix(count, by: order)
            #expect(found.map(\.key) == expected.map(\.key) && found.map(\.position) == expected.map(\.position))
        }
    }
}
