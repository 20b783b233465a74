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

    /// A folder's entries (nil when `path` is not a folder one can open), read with readdir
    /// whose entry types save an lstat per file.
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let record = readdir(directory) {
            // Read the name where it is: the record can be shorter than `dirent`.
            let name = withUnsafePointer(to: &record.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(record.pointee.d_type) == Int32(DT_DIR)
            if Int32(record.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            entries.append(Entry(name: name, isFolder: isFolder))
        }
        return entries
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
