extension Unicode.Scalar {
    /// Scripts written without spaces between words: kana, CJK ideographs, full-width forms, and
    /// the Japanese punctuation around them.
    var isWideScript: Bool {
        switch value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
             0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
