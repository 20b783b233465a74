import ArgumentParser
import Foundation
import TebikiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check the site (front matter, links, images, themes) without writing anything.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print only problems.")
    var quiet = false

    func run() throws {
        var progress = Progress(total: SiteBuilder.Step.checkSteps.count, quiet: quiet, timings: false)
        let checked = SiteBuilder.check(site.builderOptions()) { progress.start($0) }
        let diagnostics = strict
            ? checked.diagnostics.map { var strict = $0; strict.severity = .error; return strict }
            : checked.diagnostics
        Report.print(diagnostics)
        if diagnostics.hasErrors {
            Report.printError("check failed with \(diagnostics.errorCount) error(s)")
            throw ExitCode.failure
        }
        if !quiet {
            print("Checked \(checked.articles.count) articles: \(diagnostics.warningCount) warning(s), no errors")
        }
    }
}
