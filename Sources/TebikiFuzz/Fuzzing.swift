// The fuzz targets reach the core's internals, which only a debug build (built for testing) exposes.
#if DEBUG
import Foundation

enum Fuzzing {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    typealias Driver = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback) -> Int32

    /// Set once before fuzzing starts; read by libFuzzer's callback, which cannot capture.
    nonisolated(unsafe) static var target = FuzzTarget.markdown

    /// libFuzzer's entry point when the binary was built with `-sanitize=fuzzer`.
    static func libFuzzerDriver() -> Driver? {
        // The program itself, as the dynamic linker sees it.
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "LLVMFuzzerRunDriver") else { return nil }
        return unsafeBitCast(symbol, to: Driver.self)
    }

    /// Runs `runs` inputs made from the target's seeds; the same arguments give the same inputs.
    static func deterministic(_ target: FuzzTarget, runs: Int, seed: UInt64) {
        var mutator = Mutator(seed: seed)
        var pool = target.seeds.map { Array($0.utf8) }
        for seed in pool { target.run(seed) }
        for run in 0..<runs {
            let input = mutator.mutate(pool[mutator.below(pool.count)])
            target.run(input)
            // Keep some inputs as new starting points, so mutations build on each other.
            if run % 7 == 0 { pool.append(input) }
            if pool.count > 256 { pool.removeFirst(pool.count - 256) }
        }
    }
}
#endif
