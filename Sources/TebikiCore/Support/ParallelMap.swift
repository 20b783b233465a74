import Foundation

/// Maps on all cores, keeping the input order. Work is split into many chunks per core, handed
/// out as cores come free, so the last chunks leave a core idle only briefly.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    parallelMap(items, scratch: { () }, { _, item in transform(item) })
}

/// The same, with scratch space made once per chunk of work and handed to every item in it,
/// for work that needs a large buffer per item but must not allocate one each time.
func parallelMap<T: Sendable, S, R>(_ items: [T], scratch makeScratch: () -> S, _ transform: (inout S, T) -> R) -> [R] {
    chunkedMap(items, makeScratch, transform, keepsScratch: false).results
}

/// The same, returning each chunk's scratch too, in the order of the chunks: for what items
/// add to as they are mapped, gathered per chunk so no item has to keep its share.
func parallelMap<T: Sendable, S, R>(_ items: [T], gathering makeScratch: () -> S,
                                    _ transform: (inout S, T) -> R) -> (results: [R], scratch: [S]) {
    chunkedMap(items, makeScratch, transform, keepsScratch: true)
}

/// `keepsScratch`: false lets each chunk's scratch go when the chunk is done (the related
/// lists' scores are a value for every article of the site).
private func chunkedMap<T: Sendable, S, R>(_ items: [T], _ makeScratch: () -> S, _ transform: (inout S, T) -> R,
                                           keepsScratch: Bool) -> (results: [R], scratch: [S]) {
    if items.count < 2 {
        var scratch = makeScratch()
        return (items.map { transform(&scratch, $0) }, [scratch])
    }
    // At 8 chunks per core the parse of 10,000 articles ended with one core idle for 80 ms.
    let chunkCount = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 32)
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    let scratches = UnsafeMutableBufferPointer<S?>.allocate(capacity: chunkCount)
    scratches.initialize(repeating: nil)
    defer {
        _ = results.deinitialize()
        results.deallocate()
        _ = scratches.deinitialize()
        scratches.deallocate()
    }
    withoutActuallyEscaping(transform) { transform in
        withoutActuallyEscaping(makeScratch) { makeScratch in
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let makeScratch = makeScratch
            nonisolated(unsafe) let results = results
            nonisolated(unsafe) let scratches = scratches
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = min(start + chunkSize, items.count)
                guard start < end else { return }
                var scratch = makeScratch()
                for index in start..<end {
                    results[index] = transform(&scratch, items[index])
                }
                if keepsScratch { scratches[chunk] = scratch }
            }
        }
    }
    // Moved out, not copied: a copy of each result retained everything it holds once more.
    return (results.indices.map { results[$0].take()! }, scratches.indices.compactMap { scratches[$0].take() })
}

/// Changes every item in place on all cores, each item by one of them: for letting go of what
/// each article holds, which one core did for 20 ms at 10,000 articles while the other waited.
func parallelUpdate<T>(_ items: inout [T], _ change: (inout T) -> Void) {
    let chunkCount = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 8)
    guard chunkCount > 1 else {
        for index in items.indices { change(&items[index]) }
        return
    }
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    items.withUnsafeMutableBufferPointer { buffer in
        withoutActuallyEscaping(change) { change in
            nonisolated(unsafe) let items = buffer
            nonisolated(unsafe) let change = change
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                // The last chunks can start past the end when the count does not divide evenly.
                let start = chunk * chunkSize, end = min(start + chunkSize, items.count)
                guard start < end else { return }
                for index in start..<end { change(&items[index]) }
            }
        }
    }
}

/// Runs `side` on another thread while `main` runs on this one, for two steps that each have a
/// part on one core: the other core takes up the other step's work meanwhile. The side gets a
/// thread of its own: handed to the global queue while the build held its threads, it waited
/// a second for libdispatch to add one whenever the process had one core to run on (a
/// 10-article build pinned with `taskset -c 0` took 1.3 s instead of 0.02 s). Should no thread
/// be had, the side runs here after the main part. `stackSize`: as much stack as libdispatch
/// gives its worker threads, where the side ran before.
func inParallel<Side: Sendable, Main>(stackSize: Int = 8 << 20, _ side: @escaping @Sendable () -> Side,
                                      with main: () -> Main) -> (side: Side, main: Main) {
    let result = SideResult<Side>()
    let job = SideJob { result.value = side() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(job)
    let started = pthread_create(&thread, &attributes, { context in
        Unmanaged<SideJob>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context.toOpaque()) == 0
    if !started { context.release() }
    let mainResult = main()
    if started { pthread_join(thread, nil) } else { job.run() }
    return (result.value!, mainResult)
}

/// Written by the side thread before it ends, read after it is joined.
private final class SideResult<Value>: @unchecked Sendable {
    var value: Value?
}

/// The side's work as the thread's start routine receives it.
private final class SideJob: @unchecked Sendable {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}
