import ArgumentParser
import Foundation
import TebikiCore

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder, holding tebiki.yml and Articles/.")
    var source: String = "."

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    func builderOptions(output: String? = nil, baseURL: String? = nil, strict: Bool = false) -> SiteBuilder.Options {
        SiteBuilder.Options(
            source: URL(fileURLWithPath: source).standardizedFileURL,
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL,
            includeDrafts: drafts,
            strict: strict)
    }
}
