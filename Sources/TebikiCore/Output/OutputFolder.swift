import CTebikiSystem
import Foundation

/// The output folder, built in a staging folder beside it and swapped in only when the whole
/// build succeeded, so a failed build leaves the previous site exactly as it was. The swap is
/// one system call: at no moment is there no site (a kill in between two renames left none).
public struct OutputFolder: Sendable {
    public let destination: URL
    public let staging: URL
    /// The staging folder, open: files are created relative to it, so the kernel walks only
    /// the path inside the site for each of them.
    private let stagingFolder: Descriptor

    /// Marks a folder as Tebiki's, so it never replaces a folder a writer made by hand.
    static let marker = ".tebiki-output"

    public enum Problem: Error, CustomStringConvertible {
        case notOurs
        case notAFolder(String)
        case insideSources(String)
        case mountPoint
        case io(String)

        public var description: String {
            switch self {
            case .notOurs:
                return "refusing to replace this folder: it was not created by Tebiki (no \(OutputFolder.marker) file); remove it or choose another output folder"
            case .notAFolder(let what):
                return "refusing to write the site here: it is \(what), not a folder Tebiki made; choose another output folder"
            case .insideSources(let folder):
                return "the output folder is inside \(folder)/, whose files the build reads; choose a folder outside it"
            case .mountPoint:
                return "the output folder is a mount point, which cannot be swapped for a new one; choose a folder inside it"
            case .io(let message): return message
            }
        }
    }

    /// Checks that `destination` may be replaced, removes what killed builds left beside it,
    /// and creates an empty staging folder. `source` is the site folder, whose `Articles/` and
    /// `Themes/` the output may not be inside.
    public init(destination: URL, source: URL) throws(Problem) {
        self.destination = destination.standardizedFileURL
        try Self.checkDestination(self.destination, source: source)
        let parent = self.destination.deletingLastPathComponent()
        staging = parent.appendingPathComponent("\(Self.stagingPrefix(self.destination))\(ProcessInfo.processInfo.processIdentifier)")
        Self.removeLeftovers(beside: self.destination)
        let manager = FileManager.default
        do {
            TreeRemoval.remove(staging.path)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw .io("cannot create \(staging.path): \(error.localizedDescription)")
        }
        stagingFolder = Descriptor(open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
        guard stagingFolder.value >= 0 else { throw .io("cannot open \(staging.path): \(String(cString: strerror(errno)))") }
    }

    /// Writes a file at a site-relative path, creating its folders.
    public func write(_ text: String, to path: String) throws(Problem) {
        var text = text
        if let problem = text.withUTF8({ write(UnsafeRawBufferPointer($0), to: path) }) { throw problem }
    }

    /// The same for UTF-8 already in an array, as pages are rendered. `inNewFolder`: the
    /// file's folder is most likely not there yet (a page's own folder), so it is made before
    /// the file is tried, not after the try fails: at 10,000 pages that was 10,000 failed opens.
    public func write(_ bytes: [UInt8], to path: String, inNewFolder: Bool = false) throws(Problem) {
        if let problem = bytes.withUnsafeBytes({ write($0, to: path, inNewFolder: inNewFolder) }) { throw problem }
    }

    /// Copies a file into the site; with `replacing`, over a file already written there.
    public func copy(_ source: URL, to path: String, replacing: Bool = false) throws(Problem) {
        let url = staging.appendingPathComponent(path)
        do {
            if replacing { _ = unlink(url.path) }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw .io("cannot copy \(path): \(error.localizedDescription)")
        }
    }

    /// Puts the staged site in place of the old one: both swapped in one step, then the old
    /// one (now at the staging path) removed.
    public func publish() throws(Problem) {
        if rename(staging.path, destination.path) == 0 { return }  // no previous site
        guard errno == EEXIST || errno == ENOTEMPTY else { throw .io("cannot publish the site: \(String(cString: strerror(errno)))") }
        if tebiki_exchange_paths(staging.path, destination.path) != 0 {
            guard errno == ENOSYS || errno == EINVAL else { throw .io("cannot publish the site: \(String(cString: strerror(errno)))") }
            try fallbackPublish()
        }
        TreeRemoval.remove(staging.path)
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        TreeRemoval.remove(staging.path)
    }

    /// Creates a folder inside the staging folder and any missing parents; an existing folder is fine.
    func makeFolder(_ path: String) throws(Problem) {
        if mkdirat(stagingFolder.value, path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw .io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try makeFolder(String(path[..<slash]))
        if mkdirat(stagingFolder.value, path, 0o755) != 0 && errno != EEXIST {
            throw .io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }
}

private extension OutputFolder {
    /// Plain system calls: at 10,000 pages Foundation's checks around each file cost more than
    /// the writing. The file's folder is made only when the file cannot be created without it
    /// (or, `inNewFolder`, first): most files go into a folder that already exists, and a refused
    /// mkdir cost as much as the open. The problem is returned rather than thrown, as the
    /// buffers' closures rethrow untyped.
    func write(_ bytes: UnsafeRawBufferPointer, to path: String, inNewFolder: Bool = false) -> Problem? {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        func makeParent() -> Problem? {
            guard let slash = path.lastIndex(of: "/") else { return nil }
            do throws(Problem) {
                try makeFolder(String(path[..<slash]))
                return nil
            } catch {
                return error
            }
        }
        if inNewFolder, let problem = makeParent() { return problem }
        var descriptor = openat(stagingFolder.value, path, flags, 0o644)
        if descriptor < 0 && errno == ENOENT && path.contains("/") {
            if let problem = makeParent() { return problem }
            descriptor = openat(stagingFolder.value, path, flags, 0o644)
        }
        guard descriptor >= 0 else { return .io("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { return .io("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
        return nil
    }

    /// A file descriptor closed with the last copy of the folder that holds it.
    final class Descriptor: Sendable {
        let value: Int32

        init(_ value: Int32) {
            self.value = value
        }

        deinit {
            if value >= 0 { close(value) }
        }
    }

    static func stagingPrefix(_ destination: URL) -> String { ".\(destination.lastPathComponent).staging-" }
    static func oldPrefix(_ destination: URL) -> String { ".\(destination.lastPathComponent).old-" }

    static func checkDestination(_ destination: URL, source: URL) throws(Problem) {
        let real = resolved(destination.path)
        for folder in [SiteLayout.articlesFolder, SiteLayout.themesFolder] {
            let inside = resolved(source.appendingPathComponent(folder).path)
            if real == inside || real.hasPrefix(inside + "/") { throw .insideSources(folder) }
        }
        var info = stat()
        guard lstat(destination.path, &info) == 0 else { return }  // nothing there yet
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw .notAFolder("a symbolic link")
        case S_IFREG: throw .notAFolder("a file")
        default: throw .notAFolder("a special file")
        }
        let contents = FolderWalk.listing(destination.path).map(\.name)
        if !contents.isEmpty && !contents.contains(marker) { throw .notOurs }
        var parent = stat()
        if stat(destination.deletingLastPathComponent().path, &parent) == 0 && parent.st_dev != info.st_dev { throw .mountPoint }
    }

    /// Staging and old folders of builds that were killed (their process is gone), which
    /// otherwise pile up beside the output; only folders carrying the marker are removed.
    static func removeLeftovers(beside destination: URL) {
        let parent = destination.deletingLastPathComponent().path
        // Names are matched before anything else is asked of an entry, in the order read: the
        // parent may hold thousands (a home folder, /tmp), and sorting them as a listing and
        // reading each name's URL took 230 million instructions for 8,000.
        let prefixes = [stagingPrefix(destination), oldPrefix(destination)]
        for (name, type) in DirectoryRecords.read(parent) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix),
                  let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = parent + "/" + name
            guard type == DT_DIR || FolderWalk.kind(of: folder) == .folder,
                  FileManager.default.fileExists(atPath: folder + "/" + marker) else { continue }
            TreeRemoval.remove(folder)
        }
    }

    /// Where the system cannot swap two folders in one step: two renames, the old site kept
    /// under a name the next build recognises and removes if this one is killed in between.
    func fallbackPublish() throws(Problem) {
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent("\(Self.oldPrefix(destination))\(ProcessInfo.processInfo.processIdentifier)")
        guard rename(destination.path, old.path) == 0 else { throw .io("cannot publish the site: \(String(cString: strerror(errno)))") }
        guard rename(staging.path, destination.path) == 0 else {
            let problem = String(cString: strerror(errno))
            _ = rename(old.path, destination.path)
            throw .io("cannot publish the site: \(problem)")
        }
        _ = rename(old.path, staging.path)
    }

    /// A path with symbolic links resolved as far as it exists, the rest appended as written.
    static func resolved(_ path: String) -> String {
        var existing = path
        var rest: [Substring] = []
        while !existing.isEmpty {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                return ([String(cString: real)[...]] + rest.reversed()).joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/") else { break }
            rest.append(existing[existing.index(after: slash)...])
            existing = String(existing[..<slash])
        }
        return path
    }
}
