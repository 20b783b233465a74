import ArgumentParser
import Foundation
import TebikiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and check the site (front matter, links, images, themes) without writing anything.")

    @OptionGroup var site: SiteOptions

    @OptionGroup var report: ReportOptions

    @Option(help: "A folder of saved product screens (product.screens in tebiki.yml): check every tour step's and hint's selector against them.")
    var product: String?

    @Flag(help: "Rewrite links written the way other tools link (/guide/intro, intro.html) to the .md paths they stand for, in Articles/.")
    var fixLinks = false

    func run() throws {
        var progress = Progress(total: SiteBuilder.Step.checkSteps.count, quiet: report.isQuiet, timings: false)
        let checked = SiteBuilder.check(site.builderOptions(strict: report.strict)) { progress.start($0) }
        var diagnostics = checked.diagnostics
        if fixLinks {
            let (made, problems) = LinkFixer.apply(LinkFixer.changes(checked.articles + checked.introductions.values), root: URL(fileURLWithPath: site.source).standardizedFileURL)
            for change in made { print("\(change.location.description): '\(change.from)' → '\(change.to)'") }
            print("fixed \(made.count) link(s)")
            let fixed = Set(made.map(\.location))
            // What the rewritten links were reported for is mended.
            diagnostics = diagnostics.filter {
                !(fixed.contains($0.location) && ($0.code == .linkOtherTool || $0.code == .linkMissingHeading))
            } + problems
        }
        if let product {
            if checked.site.config.productScreens.isEmpty {
                diagnostics.append(.about(.error, .configInvalid, "tebiki.yml", "--product needs 'product: {screens: [{url: /login, files: [login.html]}]}'"))
            } else {
                diagnostics += checked.site.config.adjusted(ProductCheck.check(checked.articles, screens: checked.site.config.productScreens,
                                                                               folder: URL(fileURLWithPath: product)), strict: report.strict)
            }
        }
        report.print(diagnostics)
        if diagnostics.hasErrors {
            Report.printError("check failed with \(diagnostics.errorCount) error(s)")
            throw ExitCode.failure
        }
        if !report.isQuiet {
            print("Checked \(checked.articles.count) articles: \(diagnostics.warningCount) warning(s), no errors")
            if checked.site.config.baseURL == nil {
                print("note: no baseURL in tebiki.yml, so pages have no og:url or og:image (they must be absolute) and there is no sitemap.xml")
            }
            // Scheduled and expired articles, which the next build (or a daily one) will publish or drop.
            for (id, reason) in checked.site.unpublished.sorted(by: { $0.key < $1.key }) {
                print("not published: Articles/\(id).md: \(reason)")
            }
            // One line a language: not a warning per article, which would bury the real ones.
            for (language, missing) in Translations.untranslated(in: checked.site) where !missing.isEmpty {
                let total = checked.site.articles.count { $0.languageFolder == nil }
                print("'\(language)': \(missing.count) of \(total) articles not translated yet"
                      + (report.verbose ? ":" : " (tebiki check --verbose lists them)"))
                if report.verbose { for article in missing { print("  \(article.path)") } }
            }
        }
    }
}
