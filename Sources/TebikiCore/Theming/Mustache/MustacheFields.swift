/// The names a value defines, known before any page is filled: each name with the names inside
/// it (an object's members, or those of each item of a list). A plain value has none.
struct MustacheFields: Sendable, Equatable {
    var names: [String: MustacheFields]

    init(_ names: [String: MustacheFields] = [:]) {
        self.names = names
    }

    static let plain = MustacheFields()

    /// Names that are plain values.
    init(plain names: [String], _ more: [String: MustacheFields] = [:]) {
        self.names = Dictionary(uniqueKeysWithValues: names.map { ($0, .plain) }).merging(more) { _, given in given }
    }

    /// These fields and `other`'s together.
    func adding(_ other: MustacheFields) -> MustacheFields {
        MustacheFields(names.merging(other.names) { _, given in given })
    }
}
