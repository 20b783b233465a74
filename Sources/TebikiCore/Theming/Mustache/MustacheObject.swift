/// An object's members as a list, found by comparing their keys' hashes one after another. A
/// page's values are a few dozen small objects, each made once and read a few times: as
/// Dictionaries, hashing their keys in and freeing their tables took more than the reading.
/// Members stay in the order they were first set; templates never see that order.
public struct MustacheObject: Sendable {
    private var members: [(key: MustacheKey, value: MustacheValue)]

    public init(minimumCapacity: Int = 0) {
        members = []
        members.reserveCapacity(minimumCapacity)
    }

    /// A member's value; setting nil removes it.
    public subscript(key: String) -> MustacheValue? {
        get { self[MustacheKey(key)] }
        set {
            let key = MustacheKey(key)
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    subscript(key: MustacheKey) -> MustacheValue? {
        index(of: key).map(value(at:))
    }

    public var count: Int { members.count }

    /// Where the member `key` is, found with the keys read in place.
    func index(of key: MustacheKey) -> Int? {
        members.withUnsafeBufferPointer { members in
            for index in members.indices where members[index].key == key { return index }
            return nil
        }
    }

    func value(at index: Int) -> MustacheValue { members[index].value }

    /// `body` with the member at `index`, borrowed where it is.
    func withValue<Result>(at index: Int, _ body: (borrowing MustacheValue) -> Result) -> Result {
        members.withUnsafeBufferPointer { body($0[index].value) }
    }
}

/// A name as a template or a page gives it, with a hash that settles most comparisons.
struct MustacheKey: Sendable, Equatable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        // FNV-1a over the bytes in one buffer: Swift's seeded hashing, or this one read byte by
        // byte through `utf8`, cost as much as the scans the hash spares.
        func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        hash = name.utf8.withContiguousStorageIfAvailable(fnv) ?? fnv(name.utf8)
    }

    static func == (left: MustacheKey, right: MustacheKey) -> Bool {
        left.hash == right.hash && left.name == right.name
    }
}

extension MustacheObject: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: MustacheValue)> {
        members.lazy.map { (key: $0.key.name, value: $0.value) }.makeIterator()
    }
}

/// Equal when they have the same members, in any order.
extension MustacheObject: Equatable {
    public static func == (left: MustacheObject, right: MustacheObject) -> Bool {
        left.count == right.count && left.members.allSatisfy { right[$0.key] == $0.value }
    }
}

extension MustacheObject: ExpressibleByDictionaryLiteral {
    /// Keys written out in a literal are distinct (as a Dictionary literal's must be), so each
    /// is added without looking for it first.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(uniqueKeysWithValues: elements.lazy.map { (key: $0.0, value: $0.1) })
    }

    /// Members whose keys are known to differ (a Dictionary's), added without looking for each
    /// first, so a large object is made in linear time.
    init<Members: Sequence<(key: String, value: MustacheValue)>>(uniqueKeysWithValues elements: Members) {
        members = elements.map { (MustacheKey($0.key), $0.value) }
        assert(Set(members.map(\.key.name)).count == members.count, "a key given twice")
    }
}
