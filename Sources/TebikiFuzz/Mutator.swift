// The fuzz targets reach the core's internals, which only a debug build (built for testing) exposes.
#if DEBUG
/// Makes inputs from seeds without libFuzzer: byte flips, inserted fragments that mean
/// something to the parsers, cut and repeated runs. Deterministic for a seed, so a finding is
/// reproduced by running again with the same numbers.
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// Pieces of syntax the parsers treat specially.
    static let fragments: [[UInt8]] = [
        "---\n", "\n", "\r\n", ":", ": ", "- ", "[", "]", "](", ")", "![", "#", "{#", "}", "%", "%2e", "..", "/", "\\",
        "?", "&#", ";", "<", ">", "<script>", "\"", "'", "`", "```", "|", ":::", "> [!NOTE]\n", "*", "&", "\0", "\u{2028}",
        "ログイン", "あ", "\u{FF01}", "javascript:", "http://", "\t", "    ", "{", "[[", "!!", "&x;", "title: ", "steps:\n",
    ].map { Array($0.utf8) }

    mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// A few mutations of `input`, its length kept under `limit`.
    mutating func mutate(_ input: [UInt8], limit: Int = 4096) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(6) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
            case 1: bytes.insert(contentsOf: Self.fragments[below(Self.fragments.count)], at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + below(16) + 1))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + below(32) + 1)
                let run = Array(bytes[min(at, bytes.count - 1)..<end])
                for _ in 0..<below(8) { bytes.insert(contentsOf: run, at: min(at, bytes.count)) }
            case 4: bytes.insert(contentsOf: Array(repeating: Self.fragments[below(Self.fragments.count)], count: below(64)).flatMap { $0 }, at: at)
            default: bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            }
        }
        return Array(bytes.prefix(limit))
    }
}
#endif
