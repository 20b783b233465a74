/// The diagnostics of a build or check as lines for a person or a tool: compiler-style text with
/// errors first and repeated warnings summarised, GitHub Actions workflow commands, or one JSON
/// object per line. `tebiki build`, `tebiki check` and `tebiki serve`'s terminal share it.
public enum DiagnosticReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, github, json
    }

    /// How many of one kind of warning the text form prints before it summarises the rest.
    public static let warningsShownPerKind = 3

    /// `verbose` prints every warning; `quiet` only the errors and the count line. The machine
    /// formats always list every diagnostic.
    public static func lines(_ diagnostics: [Diagnostic], format: Format = .text, verbose: Bool = false, quiet: Bool = false) -> [String] {
        let errors = diagnostics.filter { $0.severity == .error }.sortedForReport()
        let warnings = diagnostics.filter { $0.severity == .warning }.sortedForReport()
        switch format {
        case .text: return text(errors: errors, warnings: warnings, verbose: verbose, quiet: quiet)
        // GitHub shows the first ten errors and ten warnings of a step as annotations: errors first.
        case .github: return (errors + warnings).map(github) + (countLine(errors: errors, warnings: warnings).map { [$0] } ?? [])
        case .json: return (errors + warnings).map(json)
        }
    }
}

private extension DiagnosticReport {
    static func text(errors: [Diagnostic], warnings: [Diagnostic], verbose: Bool, quiet: Bool) -> [String] {
        var lines = errors.map(\.reported)
        if !quiet {
            var shown: [DiagnosticCode: Int] = [:]
            for warning in warnings {
                shown[warning.code, default: 0] += 1
                if verbose || shown[warning.code]! <= warningsShownPerKind { lines.append(warning.reported) }
            }
            if !verbose {
                for (code, count) in shown.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where count > warningsShownPerKind {
                    lines.append("… and \(count - warningsShownPerKind) more \(code.plural) [\(code.rawValue)] (tebiki check --verbose lists all)")
                }
            }
        }
        if let count = countLine(errors: errors, warnings: warnings) { lines.append(count) }
        return lines
    }

    /// `2 errors (link-missing 1, title-missing 1), 10 warnings (missing-description 6, orphan-article 4)`;
    /// nil when there is nothing to count.
    static func countLine(errors: [Diagnostic], warnings: [Diagnostic]) -> String? {
        guard !errors.isEmpty || !warnings.isEmpty else { return nil }
        func counted(_ diagnostics: [Diagnostic], _ noun: String) -> String {
            let byKind = Dictionary(grouping: diagnostics, by: \.code).map { ($0.key.rawValue, $0.value.count) }.sorted { $0.0 < $1.0 }
            let kinds = byKind.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            return "\(diagnostics.count) \(noun)\(diagnostics.count == 1 ? "" : "s")" + (kinds.isEmpty ? "" : " (\(kinds))")
        }
        return counted(errors, "error") + ", " + counted(warnings, "warning")
    }

    /// A workflow command GitHub Actions turns into an annotation on the file and line.
    static func github(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=\(escapedProperty(diagnostic.path))"]
        if diagnostic.line > 0 { properties += ["line=\(diagnostic.line)", "col=\(diagnostic.column)"] }
        properties.append("title=\(escapedProperty(diagnostic.code.rawValue))")
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapedData(diagnostic.message))"
    }

    static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// `{"path":…,"line":…,"column":…,"severity":…,"code":…,"message":…}`; line and column are
    /// null for a whole file.
    static func json(_ diagnostic: Diagnostic) -> String {
        let position = diagnostic.line > 0 ? "\"line\":\(diagnostic.line),\"column\":\(diagnostic.column)" : "\"line\":null,\"column\":null"
        return "{\"path\":\(JSONText.string(diagnostic.path)),\(position),\"severity\":\"\(diagnostic.severity.rawValue)\","
            + "\"code\":\"\(diagnostic.code.rawValue)\",\"message\":\(JSONText.string(diagnostic.message))}"
    }
}
