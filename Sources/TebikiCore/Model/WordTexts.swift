/// The text of an article's word terms, each once, in the order they first occur, in three flat
/// arrays. A build moves them into one table for the site as each article is parsed
/// (`WordTable.add`); kept per article, they took 51 MB at 50,000 articles.
public struct WordTexts: Sendable, Equatable, Sequence {
    public private(set) var ids: [UInt64] = []
    /// Where each word's UTF-8 ends in `bytes`.
    private var ends: [UInt32] = []
    private var bytes: [UInt8] = []

    public init() {}

    public var count: Int { ids.count }

    /// The text of the word at `index` of `ids`.
    public func text(at index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    public subscript(id: UInt64) -> String? {
        ids.firstIndex(of: id).map(text(at:))
    }

    public var values: [String] { ids.indices.map(text(at:)) }

    public struct Iterator: IteratorProtocol {
        let words: WordTexts
        var index = 0

        public mutating func next() -> (term: UInt64, word: String)? {
            guard index < words.ids.count else { return nil }
            defer { index += 1 }
            return (words.ids[index], words.text(at: index))
        }
    }

    public func makeIterator() -> Iterator { Iterator(words: self) }

    /// Adds a word the article did not have yet: `utf8`, then `last` if there is one.
    mutating func append(_ id: UInt64, _ utf8: UnsafeBufferPointer<UInt8>, last: UInt8? = nil) {
        ids.append(id)
        bytes.append(contentsOf: utf8)
        if let last { bytes.append(last) }
        ends.append(UInt32(bytes.count))
    }
}
