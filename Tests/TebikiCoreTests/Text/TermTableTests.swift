import Testing
@testable import TebikiCore

@Suite("Term table")
struct TermTableTests {
    /// Held to a Dictionary over ids of every kind (words, bigrams, singles, function-marked),
    /// many times more than the table's first size, so it grows several times on the way.
    @Test func agreesWithADictionary() {
        var random = SeededRandom(seed: 20)
        var table = TermTable<Int>(capacity: 4)
        var reference: [UInt64: Int] = [:]
        for step in 0..<20_000 {
            let kind = UInt64(1 + random.next(below: 3)) << 62
            // Few distinct ids, so most steps meet one already there.
            let term = kind | UInt64(1 + random.next(below: 3_000)) | (step % 5 == 0 ? TextTokenizer.functionBit : 0)
            switch step % 3 {
            case 0:
                let inserted = table.insert(term, step)
                #expect(inserted == (reference[term] == nil))
                if inserted { reference[term] = step }
            case 1:
                table.update(term, initial: 0) { $0 += 1 }
                reference[term, default: 0] += 1
            default:
                #expect(table.value(for: term) { step } == reference[term, default: step])
                if reference[term] == nil { reference[term] = step }
            }
            #expect(table.count == reference.count)
        }
        for (term, value) in reference { #expect(table[term] == value) }
        #expect(table[1 << 62 | 9_999] == nil)
    }

    /// Emptied, a table keeps its room and forgets its terms: the values left in their slots
    /// are never read, even for a term that comes back.
    @Test func anEmptiedTableStartsAgainWithNothingInIt() {
        var table = TermTable<Int>(capacity: 8)
        for term in 1...300 as ClosedRange<UInt64> { table.update(1 << 62 | term, initial: 0) { $0 += Int(term) } }
        table.removeAll()
        #expect(table.count == 0)
        for term in 1...300 as ClosedRange<UInt64> { #expect(table[1 << 62 | term] == nil) }
        var found = 0
        table.forEach { _, _ in found += 1 }
        #expect(found == 0)
        // Counted from the initial value again, not from what the slot held.
        table.update(1 << 62 | 7, initial: 100) { $0 += 1 }
        let inserted = table.insert(1 << 62 | 8, 5)
        #expect(inserted)
        #expect(table[1 << 62 | 7] == 101 && table[1 << 62 | 8] == 5 && table.count == 2)
    }
}
