import Foundation

/// Maps on all cores, keeping the input order. Work is split into a few chunks per core so a
/// handful of long articles does not leave a core idle.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let chunkCount = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 8)
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        nonisolated(unsafe) let results = results
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(start + chunkSize, items.count)
            guard start < end else { return }
            for index in start..<end {
                results[index] = transform(items[index])
            }
        }
    }
    return results.map { $0! }
}
