import ArgumentParser
import CJemalloc
import Foundation
import TebikiCore
import TebikiServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the help centre: serve it, rebuild on every save and reload open pages.",
        discussion: "Nothing is written to the output folder; pages are built in memory.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 4000

    @Option(help: "The name or address to listen on (127.0.0.1, localhost, ::1, 0.0.0.0…). Anything but loopback lets other machines see your drafts.")
    var host = "127.0.0.1"

    @Option(help: "Another host name to answer to, e.g. a name for this machine on the network (repeatable).")
    var allowHost: [String] = []

    func run() async throws {
        let options = PreviewServer.Options(site: site.builderOptions(), host: host, port: port, allowedHosts: allowHost, log: Self.say)
        if !options.isLoopbackOnly {
            Report.printError("warning: serving on \(host), which other machines can reach: they can see every page, drafts included")
        }
        let server = PreviewServer(options: options)
        let url: URL
        do {
            url = try await server.start()
        } catch {
            Report.printError("cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
        tebiki_keep_freed_pages()
        await Self.waitForInterrupt { Self.say("Serving at \(url) (Ctrl-C to stop)") }
        await server.stop()
        Self.say("Stopped.")
    }
}

private extension Serve {
    /// Written at once, unbuffered: a writer (or a test) watches the terminal as edits land.
    @Sendable static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Returns on Ctrl-C or SIGTERM, so the server closes its connections before the process ends.
    /// `ready` runs once both are caught: a Ctrl-C right after the address is shown stops cleanly.
    /// A source is registered after `resume()` returns, and until then the signal is ignored, so
    /// `ready` waits for both registrations (a test's Ctrl-C sent at once was lost on a busy machine).
    static func waitForInterrupt(ready: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            let signals = [SIGINT, SIGTERM]
            let registered = Countdown(signals.count, then: ready)
            for signalNumber in signals {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
                source.setEventHandler {
                    if once.take() { continuation.resume() }
                }
                source.setRegistrationHandler { registered.count() }
                source.resume()
                Sources.keep.append(source)
            }
        }
    }

    enum Sources {
        nonisolated(unsafe) static var keep: [any DispatchSourceSignal] = []
    }

    /// Runs its action when it has been counted down to zero, from any thread.
    final class Countdown: @unchecked Sendable {
        private var remaining: Int
        private let action: @Sendable () -> Void
        private let lock = NSLock()

        init(_ count: Int, then action: @escaping @Sendable () -> Void) {
            remaining = count
            self.action = action
        }

        func count() {
            lock.lock()
            remaining -= 1
            let done = remaining == 0
            lock.unlock()
            if done { action() }
        }
    }

    final class OnceFlag: @unchecked Sendable {
        private var taken = false
        private let lock = NSLock()
        func take() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if taken { return false }
            taken = true
            return true
        }
    }
}
