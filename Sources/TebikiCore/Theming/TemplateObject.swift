import Mustache

/// What templates see. swift-mustache finds values by casting each object on its stack to its
/// protocols; a final class answers those casts much faster than a `[String: Any]`, whose
/// conformance is conditional and checked again on every lookup.
final class TemplateObject: MustacheParent, @unchecked Sendable {
    private let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values.mapValues(Self.wrap)
    }

    func child(named name: String) -> Any? { values[name] }

    private static func wrap(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: return TemplateObject(dictionary)
        case let array as [[String: Any]]: return array.map(TemplateObject.init)
        default: return value
        }
    }
}
