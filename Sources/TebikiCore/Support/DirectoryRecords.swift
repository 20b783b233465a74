import Foundation

/// A folder's entries as readdir gives them: each name with its entry type (`DT_DIR`,
/// `DT_REG`, `DT_LNK`, `DT_UNKNOWN`…), "." and ".." left out, in the system's order.
enum DirectoryRecords {
    /// Nil when the folder cannot be opened.
    static func read(_ path: String) -> [(name: String, type: Int32)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var records: [(name: String, type: Int32)] = []
        while let record = readdir(directory) {
            // The record can be shorter than `dirent` (its name is only as long as it needs):
            // read the name where it is, never copy the struct.
            let name = withUnsafePointer(to: &record.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            records.append((name, Int32(record.pointee.d_type)))
        }
        return records
    }
}
