/// One problem found in a writer's content, reported compiler style:
/// `path:line:column: error: message [code]`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Which kind of problem it is (`DiagnosticCode`), for `warnings:` in `tebiki.yml` and tools.
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, message)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message)
    }

    /// At a position given as numbers, for problems found by counting lines (a file's first
    /// line, a byte that is not UTF-8).
    public static func error(_ code: DiagnosticCode, _ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: SourceLocation(path, line: line, column: column), message)
    }

    public static func warning(_ code: DiagnosticCode, _ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: SourceLocation(path, line: line, column: column), message)
    }

    /// A problem with a whole file or folder: `path: error: message`.
    public static func about(_ severity: Severity, _ code: DiagnosticCode, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(severity, code, at: .file(path), message)
    }

    /// Path relative to the site folder, e.g. `Articles/login/signin.md`.
    public var path: String { location.path }
    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }

    /// The line a writer sees: the description with the code at the end, where compiler-style
    /// parsers still read the rest (`path:line:column: error: message [link-missing]`).
    public var reported: String {
        "\(description) [\(code.rawValue)]"
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
