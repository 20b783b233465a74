import ArgumentParser
import TebikiCore

/// How `build` and `check` report problems.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Print only errors (and the line that counts them).")
    var quiet = false

    @Flag(help: "Print every warning, not the first few of each kind.")
    var verbose = false

    @Flag(help: "Treat every warning as an error.")
    var strict = false

    @Option(help: "text (default, on standard error), github (GitHub Actions annotations) or json (one object a line); the last two on standard output.")
    var format: DiagnosticReport.Format = .text

    /// Progress and summary lines would mix with what a tool reads.
    var isQuiet: Bool { quiet || format != .text }

    func print(_ diagnostics: [Diagnostic]) {
        let lines = DiagnosticReport.lines(diagnostics, format: format, verbose: verbose, quiet: quiet)
        if format == .text {
            lines.forEach(Report.printError)
        } else {
            lines.forEach { Swift.print($0) }
        }
    }
}

extension DiagnosticReport.Format: ExpressibleByArgument {}
