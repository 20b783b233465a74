/// Counts per term id in an open-addressing table: a few nanoseconds a lookup where Swift's
/// Dictionary, with its seeded SipHash, takes several times that. Related articles look up
/// every term of every article, millions at 10,000 articles.
struct TermCounts: Sendable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Room for about `capacity` terms before growing.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Term ids are never 0 (their top bits say what kind of term they are), so 0 marks a free slot.
    mutating func increment(_ term: UInt64) {
        var slot = Self.slot(term, mask)
        while true {
            if keys[slot] == term {
                counts[slot] += 1
                return
            }
            if keys[slot] == 0 {
                keys[slot] = term
                counts[slot] = 1
                count += 1
                if count * 2 > keys.count { grow() }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    subscript(term: UInt64) -> Int {
        var slot = Self.slot(term, mask)
        while keys[slot] != 0 {
            if keys[slot] == term { return Int(counts[slot]) }
            slot = (slot + 1) & mask
        }
        return 0
    }

    private static func slot(_ term: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing spreads the structured ids (bigrams differ in low bits) over the table.
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        var bigger = TermCounts(capacity: keys.count)
        for (key, value) in zip(keys, counts) where key != 0 {
            var slot = Self.slot(key, bigger.mask)
            while bigger.keys[slot] != 0 { slot = (slot + 1) & bigger.mask }
            bigger.keys[slot] = key
            bigger.counts[slot] = value
        }
        bigger.count = count
        self = bigger
    }
}

/// Term ids to positions in a list, for grouping a search shard's postings by term.
struct TermSlots {
    private var keys: [UInt64]
    private var slots: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The slot of `term`; a term seen for the first time gets `next`.
    mutating func slot(for term: UInt64, next: Int) -> Int {
        var index = Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while keys[index] != 0 {
            if keys[index] == term { return Int(slots[index]) }
            index = (index + 1) & mask
        }
        keys[index] = term
        slots[index] = Int32(next)
        return next
    }
}
