import ArgumentParser
import Foundation
import TebikiCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the help centre into the output folder (_site/ by default).")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: the config's output, _site).")
    var output: String?

    @Option(help: "The URL the site will be published at, e.g. https://example.com/help/.")
    var baseURL: String?

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        let started = Date()
        var progress = Progress(total: SiteBuilder.Step.allCases.count, quiet: report.isQuiet, timings: timings)
        let result = SiteBuilder.build(site.builderOptions(output: output, baseURL: baseURL, strict: report.strict)) { progress.start($0) }
        progress.finish()
        report.print(result.diagnostics)
        guard result.succeeded, let outputURL = result.output else {
            Report.printError("build failed with \(result.diagnostics.errorCount) error(s); the previous output was left as it was")
            throw ExitCode.failure
        }
        if !report.isQuiet {
            let seconds = Date().timeIntervalSince(started)
            print("Built \(result.articleCount) articles, \(result.pageCount) pages, \(result.diagnostics.warningCount) warning(s) in \(String(format: "%.2f", seconds)) s → \(outputURL.path)")
        }
    }
}
