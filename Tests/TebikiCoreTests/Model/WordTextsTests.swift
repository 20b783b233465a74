import Testing
@testable import TebikiCore

@Suite("Word texts")
struct WordTextsTests {
    @Test func wordsComeBackInTheOrderTheyWereAddedWithTheirOwnBytes() {
        var words = WordTexts()
        words.append(7, ArraySlice(Array("save".utf8)))
        words.append(3, ArraySlice(Array("ログイン".utf8)))
        // A stem the tokenizer ends with a letter of its own: "categories" → "categor" + "y".
        words.append(11, ArraySlice(Array("categor".utf8)), last: UInt8(ascii: "y"))
        words.append(5, ArraySlice(Array("".utf8)))
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
        first.append(7, ArraySlice(Array("save".utf8)))
        first.append(3 | TextTokenizer.functionBit, ArraySlice(Array("the".utf8)))
        var second = WordTexts()
        second.append(7, ArraySlice(Array("other".utf8)))
        second.append(9, ArraySlice(Array("ログイン".utf8)))
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
