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
        // Each command names itself in its configuration: a name derived from the type cost a
        // million instructions at every start.
        subcommands: [Build.self, Check.self, Serve.self, Related.self, New.self],
        defaultSubcommand: Build.self
    )
}
