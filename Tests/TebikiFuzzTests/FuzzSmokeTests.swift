import Testing
@testable import TebikiFuzz

/// Each fuzz target over a few thousand deterministic inputs: a trap anywhere ends this test
/// process, and so fails the suite. Longer runs are for Benchmarks/fuzz.sh.
@Suite("Fuzz targets, briefly")
struct FuzzSmokeTests {
    @Test(arguments: FuzzTarget.allCases)
    func survivesMutatedInputs(target: FuzzTarget) {
        Fuzzing.deterministic(target, runs: 1_500, seed: 2026)
        #expect(!target.seeds.isEmpty)
    }

    @Test func theMutatorIsDeterministicAndChangesItsInput() {
        var first = Mutator(seed: 7)
        var second = Mutator(seed: 7)
        let input = Array("title: T\n".utf8)
        let a = (0..<50).map { _ in first.mutate(input) }
        let b = (0..<50).map { _ in second.mutate(input) }
        #expect(a == b)
        #expect(a.contains { $0 != input })
    }
}
