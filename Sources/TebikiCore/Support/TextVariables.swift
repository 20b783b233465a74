/// `{{ product }}` in text, replaced by the value `variables:` in `tebiki.yml` gives it. A name
/// is letters, digits, `_` and `-`; spaces inside the braces are optional. Code is never
/// substituted, so a writer shows the braces themselves by writing them in backticks.
public struct TextVariables: Sendable, Equatable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The text with every known variable replaced, and the names it does not know with the
    /// byte offset of their `{{`.
    public func substitute(_ text: String) -> (text: String, unknown: [(name: String, offset: Int)]) {
        guard ByteSearch.text(text, contains: "{{") else { return (text, []) }
        let bytes = Array(text.utf8)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var unknown: [(String, Int)] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                  let (name, end) = Self.variable(bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            if let value = values[name] {
                result += value.utf8
            } else {
                unknown.append((name, index))
                result += bytes[index..<end]
            }
            index = end
        }
        return (String(decoding: result, as: UTF8.self), unknown)
    }
}

private extension TextVariables {
    /// The name in `{{ name }}` starting at `start`, and the offset just past it.
    static func variable(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var index = start + 2
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") else { return nil }
        return (name, index + 2)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
