/// One problem found in a writer's content, reported compiler style:
/// `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path relative to the site folder, e.g. `Articles/login/signin.md`.
    public var path: String
    /// 1-based line in the file as the writer sees it (front matter included); 0 for a
    /// problem with a whole file or folder, printed without a position.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when `line` is.
    public var column: Int
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line == 0 ? 0 : max(line, 1)
        self.column = line == 0 ? 0 : max(column, 1)
        self.message = message
    }

    public static func error(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: line, column: column, message)
    }

    public static func warning(_ path: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: line, column: column, message)
    }

    /// A problem with a whole file or folder: `path: error: message`.
    public static func about(_ severity: Severity, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(severity, path, line: 0, message)
    }

    public var description: String {
        let position = line == 0 ? "" : ":\(line):\(column)"
        return "\(Self.quoted(path))\(position): \(severity.rawValue): \(message)"
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
        sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}
