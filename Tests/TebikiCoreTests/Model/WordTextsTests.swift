import Testing
@testable import TebikiCore

@Suite("Word texts")
struct WordTextsTests {
    @Test func wordsComeBackInTheOrderTheyWereAddedWithTheirOwnBytes() {
        var words = WordTexts()
        words.append(7, "save")
        words.append(3, "ログイン")
        // A stem the tokenizer ends with a letter of its own: "categories" → "categor" + "y".
        words.append(11, "categor", last: UInt8(ascii: "y"))
        words.append(5, "")
        #expect(words.count == 4)
        #expect(words.ids == [7, 3, 11, 5])
        #expect(Array(words.map(\.word)) == ["save", "ログイン", "category", ""])
        #expect(words.values == ["save", "ログイン", "category", ""])
        #expect(words[3] == "ログイン")
        #expect(words[11] == "category")
        #expect(words[99] == nil)
        #expect(words.text(at: 0) == "save")
    }

    @Test func aSiteTableKeepsTheFirstTextOfEachWordWithoutTheFunctionMark() {
        var first = WordTexts()
        first.append(7, "save")
        first.append(3 | TextTokenizer.functionBit, "the")
        var second = WordTexts()
        second.append(7, "other")
        second.append(9, "ログイン")
        var table = WordTable(capacity: 0)
        table.add(first)
        table.add(second)
        var found: [UInt64: String] = [:]
        table.forEach { found[$0] = $1 }
        #expect(found == [7: "save", 3: "the", 9: "ログイン"])
        var other = WordTable(capacity: 0)
        other.add(second)
        table.add(other)
        #expect(table.count == 3 && table[7] == "save", "a table added keeps the texts already there")
    }
}

private extension WordTexts {
    /// The tokenizer hands a word's bytes over by pointer.
    mutating func append(_ id: UInt64, _ text: String, last: UInt8? = nil) {
        Array(text.utf8).withUnsafeBufferPointer { append(id, $0, last: last) }
    }
}
