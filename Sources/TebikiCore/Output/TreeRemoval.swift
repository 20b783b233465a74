import Foundation

/// Removes a folder Tebiki made (an old site, a staging folder) with plain system calls,
/// its top-level entries on all cores. FileManager stats and converts every path on the way,
/// which at 10,000 articles (30,000 entries) made publishing cost as much as rendering.
/// Symbolic links are removed, never followed.
enum TreeRemoval {
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR, let entries = entries(of: path) else {
            _ = unlink(path)
            return
        }
        _ = parallelMap(entries) { entry in removeEntry(path + "/" + entry.name, isFolder: entry.isFolder) }
        _ = rmdir(path)
    }
}

private extension TreeRemoval {
    struct Entry: Sendable {
        var name: String
        var isFolder: Bool
    }

    /// A folder's entries (nil when `path` is not a folder one can open); their types save an
    /// lstat per file.
    static func entries(of path: String) -> [Entry]? {
        DirectoryRecords.read(path)?.map { name, type in
            var isFolder = type == Int32(DT_DIR)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            return Entry(name: name, isFolder: isFolder)
        }
    }

    static func removeEntry(_ path: String, isFolder: Bool) {
        guard isFolder else {
            _ = unlink(path)
            return
        }
        for entry in entries(of: path) ?? [] { removeEntry(path + "/" + entry.name, isFolder: entry.isFolder) }
        _ = rmdir(path)
    }
}
