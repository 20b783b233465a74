import ArgumentParser
import Foundation
import TebikiCore

@main
struct Tebiki: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tebiki",
        abstract: "Builds a searchable help centre from a folder of Markdown articles.",
        version: TebikiVersion.current,
        subcommands: [Build.self, Check.self, Related.self, New.self],
        defaultSubcommand: Build.self
    )
}
