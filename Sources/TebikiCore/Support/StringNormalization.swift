import Foundation

extension String {
    /// Canonical composition (NFC), so a name typed on macOS (which stores decomposed kana)
    /// matches the same name typed elsewhere. ASCII, the common case, skips Foundation.
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
