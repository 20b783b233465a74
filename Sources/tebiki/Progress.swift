import Foundation
import TebikiCore

/// Prints `[n/N] step` lines and, when asked, how long each step took.
struct Progress {
    let total: Int
    let quiet: Bool
    let timings: Bool
    private var stepStarted: Date?

    init(total: Int, quiet: Bool, timings: Bool) {
        self.total = total
        self.quiet = quiet
        self.timings = timings
    }

    mutating func start(_ step: SiteBuilder.Step) {
        finish()
        stepStarted = Date()
        if !quiet || timings { print("[\(step.rawValue + 1)/\(total)] \(step.title)") }
    }

    /// Ends the current step.
    mutating func finish() {
        if timings, let started = stepStarted { print(String(format: "      %.3f s", Date().timeIntervalSince(started))) }
        stepStarted = nil
    }
}
