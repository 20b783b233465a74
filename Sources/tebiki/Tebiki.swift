import ArgumentParser
import CJemalloc // linked for its malloc
import Foundation
import TebikiCore

@main
struct Tebiki: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tebiki",
        abstract: "Builds a searchable help centre from a folder of Markdown articles.",
        version: TebikiVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, Related.self, New.self],
        defaultSubcommand: Build.self
    )
}
