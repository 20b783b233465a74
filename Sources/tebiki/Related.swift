import ArgumentParser
import Foundation
import TebikiCore

struct Related: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Show an article's related articles and why each was chosen.",
        discussion: "Name the article by its path under Articles/ without .md, e.g. login/login.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The article, e.g. login/login.")
    var article: String

    func run() throws {
        let checked = SiteBuilder.check(site.builderOptions())
        let id = article.hasSuffix(".md") ? String(article.dropLast(3)) : article
        let key = id.hasPrefix("Articles/") ? String(id.dropFirst("Articles/".count)) : id
        guard let index = checked.articles.firstIndex(where: { $0.source.id == key }) else {
            Report.printError("error: no article '\(key)': name it by its path under Articles/ without .md")
            throw ExitCode.failure
        }
        print("Related articles for \(key) (\(checked.articles[index].source.title)):")
        let list = checked.related.lists[index]
        if list.isEmpty { print("  none above the threshold") }
        for (number, entry) in list.enumerated() {
            print("  \(number + 1). \(entry.id) — \(checked.articles[entry.index].source.title)")
            print("     \(Self.reasons(entry))")
        }
    }

    static func reasons(_ entry: RelatedArticles.Entry) -> String {
        var reasons: [String] = []
        if entry.fromFrontMatter { reasons.append("named in front matter 'related'") }
        if !entry.sharedTags.isEmpty { reasons.append("shared tags: \(entry.sharedTags.joined(separator: ", "))") }
        if entry.linksTo { reasons.append("this article links to it") }
        if entry.linkedFrom { reasons.append("it links to this article") }
        if entry.textScore > 0 { reasons.append(String(format: "text similarity %.2f", entry.textScore)) }
        if entry.sameSection { reasons.append("same section") } else if entry.sameCategory { reasons.append("same category") }
        let score = entry.fromFrontMatter ? "" : String(format: "score %.2f: ", entry.score)
        return score + reasons.joined(separator: "; ")
    }
}
