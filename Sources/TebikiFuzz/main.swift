import Foundation

#if !DEBUG
FileHandle.standardError.write(Data("tebiki-fuzz needs a debug build: swift build --product tebiki-fuzz (or Benchmarks/fuzz.sh)\n".utf8))
exit(2)
#else

// `tebiki-fuzz <target> [options]`: linked with libFuzzer (Benchmarks/fuzz.sh) it runs libFuzzer
// on the target; built plainly, it runs the deterministic mutator over the target's seeds
// (`--runs N --seed S`), which the test suite also does. `--write-seeds DIR` writes the seeds.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: tebiki-fuzz <\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> [--runs N] [--seed S] [libFuzzer options]\n".utf8))
    exit(2)
}
Fuzzing.target = target
if arguments.count == 4, arguments[2] == "--write-seeds" {
    // A starting corpus for libFuzzer: one file per seed.
    let folder = URL(fileURLWithPath: arguments[3])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (index, seed) in target.seeds.enumerated() { try Data(seed.utf8).write(to: folder.appendingPathComponent("seed-\(index)")) }
    exit(0)
}
if let driver = Fuzzing.libFuzzerDriver() {
    let rest = [arguments[0]] + arguments.dropFirst(2)
    var pointers = rest.map { strdup($0) }
    var count = Int32(pointers.count)
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = pointers.withUnsafeMutableBufferPointer { $0.baseAddress }
    exit(driver(&count, &argv) { data, size in
        Fuzzing.target.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    })
} else {
    func option(_ name: String, _ fallback: UInt64) -> UInt64 {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? UInt64(arguments[$0 + 1]) : nil } ?? fallback
    }
    let runs = Int(option("--runs", 10_000))
    let started = Date()
    Fuzzing.deterministic(target, runs: runs, seed: option("--seed", 1))
    let seconds = Date().timeIntervalSince(started)
    print("\(target.rawValue): \(runs) inputs in \(String(format: "%.1f", seconds)) s (\(Int(Double(runs) / max(seconds, 0.001))) per second), no crash")
}
#endif
