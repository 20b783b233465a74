import Foundation

/// Reads the site's folders: sorted listings (directory order differs between runs and
/// machines), each entry's kind without opening it, and symbolic links followed at most once
/// per folder, so a link back to its own folder is one diagnostic instead of an endless walk.
struct FolderWalk {
    enum Kind: Equatable {
        case file
        case folder
        /// A named pipe, socket or device: opening one could block the build forever.
        case special(String)
        /// A symbolic link whose target does not exist.
        case brokenLink
    }

    struct Entry {
        var name: String
        var kind: Kind
    }

    /// Problems found on the way (loops, special files, broken links), at the paths shown to writers.
    private(set) var diagnostics: [Diagnostic] = []
    /// Every folder entered so far, by device and inode, with the path it was first entered as.
    private var entered: [FolderID: String] = [:]
    /// The folders being walked, innermost last: a link to one of them is a loop.
    private var ancestors: [FolderID] = []

    /// Enters a folder before listing it; false (with a diagnostic at `display`) when it is one
    /// of the folders being walked or was already read through another path.
    mutating func enter(_ path: String, display: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let id = FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if let first = entered[id] {
            let message = ancestors.contains(id)
                ? "symbolic link loop: \(Diagnostic.quoted(display)) leads back to \(Diagnostic.quoted(first)); remove the link"
                : "\(Diagnostic.quoted(display)) and \(Diagnostic.quoted(first)) are one folder (through a symbolic link), which is read once; remove the link"
            diagnostics.append(.about(.error, .symlinkLoop, display, message))
            return false
        }
        entered[id] = display
        ancestors.append(id)
        return true
    }

    mutating func leave() {
        ancestors.removeLast()
    }

    /// Every file below a folder (hidden entries skipped unless asked for), as paths under
    /// `relative`, entering subfolders once each. Special files and broken links are reported,
    /// not listed.
    mutating func files(under path: String, relative: String, display: String, includingHidden: Bool = false) -> [String] {
        guard enter(path, display: display) else { return [] }
        defer { leave() }
        var files: [String] = []
        for entry in Self.listing(path) where includingHidden || !entry.name.hasPrefix(".") {
            let childRelative = relative.isEmpty ? entry.name : "\(relative)/\(entry.name)"
            let childDisplay = "\(display)/\(entry.name)"
            switch entry.kind {
            case .folder:
                files += self.files(under: path + "/" + entry.name, relative: childRelative, display: childDisplay,
                                    includingHidden: includingHidden)
            case .file: files.append(childRelative)
            default: report(entry, at: childDisplay)
            }
        }
        return files
    }

    /// Reports an entry that is neither a regular file nor a folder.
    mutating func report(_ entry: Entry, at display: String) {
        switch entry.kind {
        case .special(let what):
            diagnostics.append(.about(.error, .specialFile, display, "\(what), not a regular file: Tebiki reads only regular files; move it out of the site folder"))
        case .brokenLink:
            diagnostics.append(.about(.error, .brokenSymlink, display, "broken symbolic link: its target does not exist"))
        case .file, .folder:
            break
        }
    }

    /// A folder's entries, sorted by their bytes. Read with readdir, whose entry types save a
    /// stat per file at 10,000 articles; links and unknown types are looked up with stat.
    static func listing(_ path: String) -> [Entry] {
        let entries = (DirectoryRecords.read(path) ?? []).map { name, type -> Entry in
            switch type {
            case Int32(DT_DIR): Entry(name: name, kind: .folder)
            case Int32(DT_REG): Entry(name: name, kind: .file)
            default: Entry(name: name, kind: Self.kind(of: path + "/" + name))
            }
        }
        return entries.sorted { precedes($0.name, $1.name) }
    }

    /// What a path is once symbolic links are followed.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .brokenLink }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: return .special("a named pipe (FIFO)")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("a special file")
        }
    }
}

private struct FolderID: Hashable {
    var device: UInt64
    var inode: UInt64
}

func isDirectory(_ url: URL) -> Bool {
    FolderWalk.kind(of: url.path) == .folder
}
