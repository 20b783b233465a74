import Foundation

/// The output folder, built in a staging folder beside it and swapped in only when the whole
/// build succeeded, so a failed build leaves the previous site exactly as it was.
public struct OutputFolder: Sendable {
    public let destination: URL
    public let staging: URL

    /// Marks a folder as Tebiki's, so it never replaces a folder a writer made by hand.
    static let marker = ".tebiki-output"

    public enum Problem: Error, CustomStringConvertible {
        case notOurs(URL)
        case io(String)

        public var description: String {
            switch self {
            case .notOurs(let url):
                return "refusing to replace \(url.path): it was not created by Tebiki (no \(OutputFolder.marker) file); remove it or choose another output folder"
            case .io(let message): return message
            }
        }
    }

    /// Checks that `destination` may be replaced and creates an empty staging folder beside it.
    public init(destination: URL) throws(Problem) {
        self.destination = destination.standardizedFileURL
        let manager = FileManager.default
        if manager.fileExists(atPath: self.destination.path) {
            let contents = (try? manager.contentsOfDirectory(atPath: self.destination.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw .notOurs(self.destination)
            }
        }
        let parent = self.destination.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw .io("cannot create \(staging.path): \(error.localizedDescription)")
        }
    }

    /// Writes a file at a site-relative path, creating its folders. Plain system calls: at
    /// 10,000 pages Foundation's checks around each file cost more than the writing.
    public func write(_ text: String, to path: String) throws {
        let fullPath = staging.path + "/" + path
        if let slash = fullPath.lastIndex(of: "/") { try Self.makeFolder(String(fullPath[..<slash])) }
        let descriptor = open(fullPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Problem.io("cannot create \(fullPath): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw Problem.io("cannot write \(fullPath): \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
    }

    public func copy(_ source: URL, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Creates a folder and any missing parents; an existing folder is fine.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw Problem.io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Problem.io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Puts the staged site in place of the old one.
    public func publish() throws {
        let manager = FileManager.default
        let old = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if manager.fileExists(atPath: destination.path) {
            try manager.moveItem(at: destination, to: old)
        }
        do {
            try manager.moveItem(at: staging, to: destination)
        } catch {
            try? manager.moveItem(at: old, to: destination)
            throw error
        }
        try? manager.removeItem(at: old)
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
