import Foundation

/// Reads a writer's file as UTF-8 text with its modification time. Plain system calls: reading
/// 10,000 articles through FileManager cost more than parsing them.
struct TextFile {
    var text: String
    var modified: Date

    /// The file's text, or a diagnostic pointing at the first byte that is not UTF-8.
    static func read(_ absolutePath: String, displayPath: String) -> Result<TextFile, Diagnostic> {
        let descriptor = open(absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.error(displayPath, "cannot read the file: \(String(cString: strerror(errno)))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.error(displayPath, "cannot read the file")) }
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

    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        decode(ArraySlice(data), path: path)
    }

    static func decode(_ bytes: ArraySlice<UInt8>, path: String) -> Result<String, Diagnostic> {
        if let text = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            // Windows line ends would otherwise end up inside headings and front matter values.
            return .success(bytes.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
        }
        let (line, column) = firstInvalidPosition(bytes)
        return .failure(.error(path, line: line, column: column, "the file is not UTF-8 text; save it as UTF-8"))
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
