import Foundation

/// Decodes a writer's file as UTF-8, pointing at the first bad byte when it is not.
enum TextFile {
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let decoded = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text = decoded {
            // Windows line ends would otherwise end up inside headings and front matter values.
            let hasCR = data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
            return .success(hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
        }
        let (line, column) = firstInvalidPosition(data)
        return .failure(.error(path, line: line, column: column, "the file is not UTF-8 text; save it as UTF-8"))
    }
}

private extension TextFile {
    static func firstInvalidPosition(_ data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = data.makeIterator()
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
