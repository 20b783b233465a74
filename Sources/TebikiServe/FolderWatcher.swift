import Foundation
import TebikiCore
#if canImport(Glibc)
import Glibc
#endif

/// Watches the files a site is built from (`tebiki.yml`, `Articles/`, `Themes/`, `Static/`) with inotify and
/// reports the paths that changed, from the site folder, in batches: the events of one save
/// (write, rename, attribute change) arrive together, so one edit makes one rebuild.
final class FolderWatcher: Sendable {
    let changes: AsyncStream<Set<String>>
    private let descriptor: Int32
    /// A pipe whose write end `stop()` closes, to wake the watching thread out of `poll`.
    private let wake: (read: Int32, write: Int32)
    private let continuation: AsyncStream<Set<String>>.Continuation

    /// How long after an event more events are gathered into the same batch.
    static let settleMilliseconds: Int32 = 15

    init(root: URL) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        wake = (ends[0], ends[1])
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        // Watched before `init` returns: a file saved right after the server starts must not be
        // missed because the watching thread had not yet got to adding its folders.
        let watches = Watches(descriptor: descriptor, root: root.standardizedFileURL.path)
        let thread = Thread { [descriptor, wake, continuation] in
            var watcher = watches
            watcher.run(continuation, wake: wake.read)
            close(descriptor)
            close(wake.read)
        }
        thread.name = "tebiki-watch"
        thread.start()
    }

    func stop() {
        continuation.finish()
        close(wake.write)
    }
}

private extension FolderWatcher {
    /// Owned by the watching thread: which watch descriptor is which folder.
    struct Watches {
        let descriptor: Int32
        let root: String
        var folders: [Int32: String] = [:]

        init(descriptor: Int32, root: String) {
            self.descriptor = descriptor
            self.root = root
            add(root, relative: "", recursive: false)
            for top in SiteLayout.sources where top != SiteLayout.configFile { add(root + "/" + top, relative: top, recursive: true) }
        }

        static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

        mutating func add(_ path: String, relative: String, recursive: Bool) {
            let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
            // A folder already watched (inotify gives the same watch for the same folder) is
            // reached again through a symbolic link: going on would follow a loop forever.
            guard watch >= 0, folders[watch] == nil else { return }
            folders[watch] = relative
            guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                    add(path + "/" + name, relative: relative + "/" + name, recursive: true)
                }
            }
        }

        mutating func run(_ continuation: AsyncStream<Set<String>>.Continuation, wake: Int32) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var batch: Set<String> = []
            while true {
                var pollers = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&pollers, 2, batch.isEmpty ? -1 : FolderWatcher.settleMilliseconds)
                if ready < 0 && errno == EINTR { continue }
                if ready < 0 || pollers[1].revents != 0 || pollers[0].revents & Int16(POLLNVAL | POLLERR) != 0 { break }
                if ready == 0 {
                    continuation.yield(batch)
                    batch = []
                    continue
                }
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                batch.formUnion(events(in: buffer[..<count]))
            }
            continuation.finish()
        }

        mutating func events(in bytes: ArraySlice<UInt8>) -> Set<String> {
            var changed: Set<String> = []
            var offset = bytes.startIndex
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= bytes.endIndex {
                let (watch, mask, length) = bytes.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                guard let folder = folders[watch], !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                if folder.isEmpty && !SiteLayout.sources.contains(name) { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    add(root + "/" + relative, relative: relative, recursive: true)
                }
                changed.insert(relative)
            }
            return changed
        }
    }
}
