/// Bytes gathered and cleared again for each piece of a text, in a loop over every character
/// of every article (the tokenizer's current word and identifier). On an Array each append
/// checked uniqueness and room through generic code, 80–100 instructions, and clearing it with
/// its capacity kept went through `replaceSubrange`.
struct ScratchBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// The bytes so far, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: byte)
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        if capacity - count < bytes.count { grow(to: count + bytes.count) }
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    mutating func removeLast() {
        precondition(count > 0, "removeLast() of no bytes")
        count -= 1
    }

    /// Empties it, keeping its room.
    mutating func removeAll() { count = 0 }
}

private extension ScratchBytes {
    mutating func grow(to needed: Int) {
        let bigger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = bigger
    }
}
