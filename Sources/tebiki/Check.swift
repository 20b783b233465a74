import ArgumentParser
import Foundation
import TebikiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check the site (front matter, links, images, themes) without writing anything.")

    @OptionGroup var site: SiteOptions

    @OptionGroup var report: ReportOptions

    func run() throws {
        var progress = Progress(total: SiteBuilder.Step.checkSteps.count, quiet: report.isQuiet, timings: false)
        let checked = SiteBuilder.check(site.builderOptions(strict: report.strict)) { progress.start($0) }
        let diagnostics = checked.diagnostics
        report.print(diagnostics)
        if diagnostics.hasErrors {
            Report.printError("check failed with \(diagnostics.errorCount) error(s)")
            throw ExitCode.failure
        }
        if !report.isQuiet {
            print("Checked \(checked.articles.count) articles: \(diagnostics.warningCount) warning(s), no errors")
        }
    }
}
