import Testing
@testable import TebikiCore

/// cmark's byte columns turned into the character columns a writer's editor shows.
@Suite("Source columns")
struct SourceColumnsTests {
    /// Every byte column of every line, asked in order and out of order, against the scalars
    /// counted from the line's start.
    @Test func matchesCountingScalarsFromTheLineStart() {
        let text = "ログイン[a](b.md)\r\nplain [x](y)\n\n🎉é [漢字](z.md)\r\nlast"
        // Split on bytes: "\r\n" is one Character, which a split on "\n" does not cut.
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
        var inOrder = SourceColumns(text)
        var reversed = SourceColumns(text)
        for (number, line) in lines.enumerated() {
            let byteColumns = Array(1...line.count + 3)
            func expected(_ byteColumn: Int) -> Int {
                1 + line.prefix(byteColumn - 1).filter { $0 & 0xC0 != 0x80 }.count
            }
            for byteColumn in byteColumns {
                #expect(inOrder.scalarColumn(line: number + 1, byteColumn: byteColumn) == expected(byteColumn))
            }
            for byteColumn in byteColumns.reversed() {
                #expect(reversed.scalarColumn(line: number + 1, byteColumn: byteColumn) == expected(byteColumn))
            }
        }
    }

    @Test func outOfRangeIsTheByteColumn() {
        var columns = SourceColumns("ア\nイ")
        #expect(columns.scalarColumn(line: 3, byteColumn: 7) == 7)
        #expect(columns.scalarColumn(line: 0, byteColumn: 4) == 4)
        #expect(columns.scalarColumn(line: 1, byteColumn: 4) == 2)
    }
}
