import Foundation

/// A value a Mustache template is filled with: what JSON has (text either as a String or
/// already as UTF-8), so a lookup is a switch and a scan of an object's members, never a
/// dynamic cast.
public enum MustacheValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// Text already made as UTF-8 (a page's head), copied into the page as it is: made into a
    /// String, it was checked byte by byte for nothing.
    case utf8([UInt8])
    case list([MustacheValue])
    case object(MustacheObject)

    /// Whether a section shows: not false, null, an empty list, an empty string or zero (as in JavaScript).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0
        case .string(let value): !value.isEmpty
        case .utf8(let bytes): !bytes.isEmpty
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// The text an interpolation writes.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .list(let items): items.map(\.text).joined(separator: ",")
        case .object: ""
        }
    }
}

/// Page values are written as literals; an optional string is null when absent.
extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(MustacheObject(uniqueKeysWithValues: elements.lazy.map { (key: $0.0, value: $0.1) }))
    }

    init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    init(_ texts: [String]) { self = .list(texts.map { .string($0) }) }
}

/// JSON as the Mustache specification's tests give their data: a boolean stays a boolean.
extension MustacheValue: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MustacheValue].self) {
            self = .list(value)
        } else {
            self = .object(MustacheObject(uniqueKeysWithValues: try container.decode([String: MustacheValue].self)))
        }
    }
}
