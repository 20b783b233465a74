/// Where something is in a writer's file, as a diagnostic points at it: the path from the site
/// folder, the 1-based line (front matter included) and the 1-based column in Unicode scalars.
/// Line 0 stands for the whole file or folder, printed without a position.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(_ path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line == 0 ? 0 : max(line, 1)
        self.column = line == 0 ? 0 : max(column, 1)
    }

    /// A whole file or folder.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(path, line: 0)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// `path:line:column`, or `path` for a whole file; a path with a newline or quote is quoted.
    public var description: String {
        line == 0 ? Diagnostic.quoted(path) : "\(Diagnostic.quoted(path)):\(line):\(column)"
    }
}
