import ArgumentParser
import Foundation
import TebikiCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the help centre into the output folder (_site/ by default).")

    @Option(help: "The site folder, holding tebiki.yml and Articles/.")
    var source: String = "."

    @Option(help: "Where to write the site (default: the config's output, _site).")
    var output: String?

    @Option(help: "The URL the site will be published at, e.g. https://example.com/help/.")
    var baseURL: String?

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(help: "Print only problems.")
    var quiet = false

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        let started = Date()
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        let options = SiteBuilder.Options(
            source: sourceURL,
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL,
            includeDrafts: drafts)
        var stepStarted = started
        let result = SiteBuilder.build(options) { number, step in
            if timings && number > 1 { print(String(format: "      %.3f s", Date().timeIntervalSince(stepStarted))) }
            stepStarted = Date()
            if !quiet || timings { print("[\(number)/\(SiteBuilder.steps.count)] \(step)") }
        }
        if timings { print(String(format: "      %.3f s", Date().timeIntervalSince(stepStarted))) }
        Report.print(result.diagnostics)
        guard result.succeeded, let outputURL = result.output else {
            Report.printError("build failed with \(result.diagnostics.errorCount) error(s); the previous output was left as it was")
            throw ExitCode.failure
        }
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            print("Built \(result.articleCount) articles, \(result.pageCount) pages, \(result.diagnostics.warningCount) warning(s) in \(String(format: "%.2f", seconds)) s → \(outputURL.path)")
        }
    }
}
