/// A map from term ids to values in one open-addressing table: a few nanoseconds a lookup where
/// Swift's Dictionary, with its seeded SipHash, takes several times that. Related articles and
/// search look up every term of every article, millions at 10,000 articles.
struct TermTable<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    /// Room for about `capacity` terms before growing.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    subscript(term: UInt64) -> Value? {
        var slot = Self.slot(term, mask)
        while keys[slot] != 0 {
            if keys[slot] == term { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value of `term`, storing `make()` first when the term is new.
    mutating func value(for term: UInt64, orInsert make: () -> Value) -> Value {
        var slot = Self.slot(term, mask)
        while keys[slot] != 0 {
            if keys[slot] == term { return values[slot]! }
            slot = (slot + 1) & mask
        }
        let value = make()
        keys[slot] = term
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    /// Stores `value` for `term` unless the term is there already; whether it was new.
    mutating func insert(_ term: UInt64, _ value: Value) -> Bool {
        var slot = Self.slot(term, mask)
        while keys[slot] != 0 {
            if keys[slot] == term { return false }
            slot = (slot + 1) & mask
        }
        keys[slot] = term
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return true
    }

    /// Empties the table and keeps its room, for tables made again and again (an article's
    /// tallies). A slot's old value stays until the slot is taken again, never read, as only
    /// slots with a key are: so only for values that hold no references.
    mutating func removeAll() {
        precondition(_isPOD(Value.self), "removeAll() would keep references alive")
        keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        count = 0
    }

    /// Each term with its value, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], values[slot]!) }
    }

    /// Changes the value of `term`, starting from `initial` when the term is new.
    mutating func update(_ term: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        var slot = Self.slot(term, mask)
        while keys[slot] != 0 && keys[slot] != term { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = term
            values[slot] = initial
            count += 1
        }
        change(&values[slot]!)
        if count * 2 > keys.count { grow() }
    }
}

private extension TermTable {
    /// Term ids are never 0 (their top bits say what kind of term they are), so 0 marks a free
    /// slot. Fibonacci hashing spreads the structured ids (bigrams differ in low bits).
    static func slot(_ term: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    mutating func grow() {
        var bigger = TermTable(capacity: keys.count)
        for (key, value) in zip(keys, values) where key != 0 {
            var slot = Self.slot(key, bigger.mask)
            while bigger.keys[slot] != 0 { slot = (slot + 1) & bigger.mask }
            bigger.keys[slot] = key
            bigger.values[slot] = value
        }
        bigger.count = count
        self = bigger
    }
}

extension TermTable: @unchecked Sendable where Value: Sendable {}
