/// The scheme a URL starts with (`https`, `mailto`, `javascript`), as written; nil for a path.
enum URLScheme {
    /// On bytes: every link of every article passes through here.
    static func of(_ url: String) -> String? {
        guard let colon = ByteSearch.firstIndex(of: UInt8(ascii: ":"), in: url[...]) else { return nil }
        let scheme = url.utf8[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D })
        else { return nil }
        return String(url[..<colon])
    }
}
