/// One problem found in a writer's content, reported compiler style:
/// `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// At a position given as numbers, for problems found by counting lines (a file's first
    /// line, a byte that is not UTF-8).
    public static func error(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(path, line: line, column: column), message)
    }

    public static func warning(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: SourceLocation(path, line: line, column: column), message)
    }

    /// A problem with a whole file or folder: `path: error: message`.
    public static func about(_ severity: Severity, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(severity, at: .file(path), message)
    }

    /// Path relative to the site folder, e.g. `Articles/login/signin.md`.
    public var path: String { location.path }
    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }

    /// A path as it can stand in a one-line diagnostic: as it is, or in double quotes with
    /// escapes when it has a control character, a quote or a backslash (a file name may hold a
    /// newline).
    public static func quoted(_ path: String) -> String {
        let plain = !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "\\" }
        return plain ? path : doubleQuoted(path)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// File order, then position, so the report reads top to bottom whatever order stages ran in.
    public func sortedForReport() -> [Diagnostic] {
        sorted { $0.location != $1.location ? $0.location < $1.location : $0.message < $1.message }
    }
}
