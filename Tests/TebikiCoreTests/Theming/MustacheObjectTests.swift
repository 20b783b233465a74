import Testing
@testable import TebikiCore

@Suite("Mustache objects")
struct MustacheObjectTests {
    @Test func settingAKeyAgainReplacesItsValueAndNilRemovesIt() {
        var object: MustacheObject = ["title": "A", "url": "a/"]
        object["title"] = "B"
        object["description"] = nil
        object["url"] = nil
        object["date"] = "2026-12-07"
        #expect(object.count == 2)
        #expect(object["title"] == "B" && object["url"] == nil && object["date"] == "2026-12-07")
        #expect(object.map(\.key) == ["title", "date"])
    }

    @Test func objectsWithTheSameMembersInAnotherOrderAreEqual() {
        let one: MustacheObject = ["a": 1, "b": ["c": true]]
        var other = MustacheObject()
        other["b"] = ["c": true]
        other["a"] = 1
        #expect(one == other)
        other["a"] = 2
        #expect(one != other)
        #expect(one != ["a": 1])
    }

    /// Keys whose hashes are compared first must still be told apart by their text, including
    /// keys that differ only past their first bytes and keys in other scripts.
    @Test func everyKeyFindsItsOwnValue() {
        let keys = (0..<300).map { "name\($0)" } + ["", "タイトル", "titel", "title", "a.b"]
        var object = MustacheObject()
        for (number, key) in keys.enumerated() { object[key] = .number(Double(number)) }
        #expect(keys.enumerated().allSatisfy { object[$0.element] == .number(Double($0.offset)) })
        #expect(object["missing"] == nil && object.count == keys.count)
    }
}
