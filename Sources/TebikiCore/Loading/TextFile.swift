import Foundation

/// Reads a writer's file as UTF-8 text with its modification time. Plain system calls: reading
/// 10,000 articles through FileManager cost more than parsing them.
struct TextFile {
    var text: String
    var modified: Date

    /// The file's text, or a diagnostic pointing at the first byte that is not UTF-8. Only a
    /// regular file is read: it is opened without blocking and checked before reading, since
    /// a named pipe called `*.md` would otherwise stop the build (or the preview server) forever.
    static func read(_ absolutePath: String, displayPath: String) -> Result<TextFile, Diagnostic> {
        readIfPresent(absolutePath, displayPath: displayPath) ?? .failure(.about(.error, .unreadableFile, displayPath, "cannot read the file: \(String(cString: strerror(ENOENT)))"))
    }

    /// As `read`, but nil when nothing is at the path (an optional file such as `tebiki.yml`).
    static func readIfPresent(_ absolutePath: String, displayPath: String) -> Result<TextFile, Diagnostic>? {
        let descriptor = open(absolutePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            return .failure(.about(.error, .unreadableFile, displayPath, "cannot read the file: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.about(.error, .unreadableFile, displayPath, "cannot read the file")) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = FolderWalk.kind(of: absolutePath)
            let what = if case .special(let what) = kind { what } else { kind == .folder ? "a folder" : "a special file" }
            return .failure(.about(.error, .specialFile, displayPath, "\(what), not a regular file: Tebiki reads only regular files"))
        }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + offset, size - offset) }
            guard count > 0 else { break }
            offset += count
        }
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        return decode(bytes[..<offset], path: displayPath).map { TextFile(text: $0, modified: modified) }
    }

    static func decode(_ bytes: ArraySlice<UInt8>, path: String) -> Result<String, Diagnostic> {
        if let (text, hasCarriageReturn) = bytes.withUnsafeBufferPointer({ buffer in
            String(validating: buffer, as: UTF8.self).map { ($0, ByteSearch.buffer(buffer, contains: 0x0D)) }
        }) {
            // Windows line ends would otherwise end up inside headings and front matter values.
            return .success(hasCarriageReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
        }
        let (line, column) = firstInvalidPosition(bytes)
        return .failure(.error(.notUTF8, path, line: line, column: column, "the file is not UTF-8 text; save it as UTF-8"))
    }
}

private extension TextFile {
    static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
