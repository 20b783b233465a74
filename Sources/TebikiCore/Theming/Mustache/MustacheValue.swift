import Foundation

/// A value a Mustache template is filled with: what JSON has, so a lookup is a switch and a
/// dictionary access, never a dynamic cast.
public enum MustacheValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([MustacheValue])
    case object([String: MustacheValue])

    /// Whether a section shows: not false, null, an empty list, an empty string or zero (as in JavaScript).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0
        case .string(let value): !value.isEmpty
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
        case .list(let items): items.map(\.text).joined(separator: ",")
        case .object: ""
        }
    }

    subscript(key: String) -> MustacheValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

extension MustacheValue {
    /// A value from the dictionaries, arrays, strings, numbers and booleans a page is described
    /// with; anything else is null. Types are compared exactly, so a Bool is never taken for 1.
    public init(_ any: Any?) {
        guard let any else {
            self = .null
            return
        }
        switch any {
        case let value as MustacheValue: self = value
        case let value as String: self = .string(value)
        case let value as [String: Any]: self = .object(value.mapValues { MustacheValue($0) })
        case let value as [Any]: self = .list(value.map { MustacheValue($0) })
        default:
            let type = Swift.type(of: any)
            if type == Bool.self, let value = any as? Bool {
                self = .bool(value)
            } else if type == Int.self, let value = any as? Int {
                self = .number(Double(value))
            } else if type == Double.self, let value = any as? Double {
                self = .number(value)
            } else if let value = any as? Substring {
                self = .string(String(value))
            } else if let optional = any as? OptionalValue {
                self = optional.mustacheValue
            } else {
                self = .null
            }
        }
    }
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
            self = .object(try container.decode([String: MustacheValue].self))
        }
    }
}

/// An optional inside `Any` (a `String?` value of a page's dictionary), unwrapped.
private protocol OptionalValue { var mustacheValue: MustacheValue { get } }
extension Optional: OptionalValue {
    fileprivate var mustacheValue: MustacheValue { map { MustacheValue($0) } ?? .null }
}
