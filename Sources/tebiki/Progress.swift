import Foundation

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

    mutating func start(_ number: Int, _ step: String) {
        finish()
        stepStarted = Date()
        if !quiet || timings { print("[\(number)/\(total)] \(step)") }
    }

    /// Ends the current step.
    mutating func finish() {
        if timings, let started = stepStarted { print(String(format: "      %.3f s", Date().timeIntervalSince(started))) }
        stepStarted = nil
    }
}
