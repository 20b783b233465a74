import ArgumentParser
import Foundation
import TebikiCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new article, with its front matter filled in.",
        discussion: "Creates Articles/<category>/<slug>.md (or Articles/<category>/<section>/<slug>.md), and the category's _category.yml and the section's _section.yml when they are new. Never overwrites a file.")

    @Option(help: "The site folder, holding tebiki.yml and Articles/.")
    var source: String = "."

    @Option(help: "The article's title (default: its slug).")
    var title: String?

    @Argument(help: "The article as <category>/<slug> or <category>/<section>/<slug>, e.g. login/reset-password; a translation starts with its language folder, e.g. en/login/reset-password.")
    var name: String

    func run() throws {
        let site = URL(fileURLWithPath: source).standardizedFileURL
        let languages = SiteLoader.config(root: site).languages
        do {
            for path in try NewArticle.create(name, title: title, site: site, languages: languages) {
                print("Created \(path)")
            }
        } catch {
            Report.printError("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
