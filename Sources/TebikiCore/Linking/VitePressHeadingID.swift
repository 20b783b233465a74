import Foundation

/// The id VitePress gives a heading, which pages written for it link to: Latin accents dropped,
/// each run of spaces and ASCII punctuation one `-`, none at either end, `_` before a leading
/// digit, lower-case (`build.target` → `build-target`, where GitHub's rule, Tebiki's, gives
/// `buildtarget`). Used only to tell a writer which id to write instead.
enum VitePressHeadingID {
    static let separators = Set(" \t\n~`!@#$%^&*()-_+=[]{}|\\;:\"'“”‘’<>,.?/".unicodeScalars)

    static func id(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) || scalar.value < 0x20 { continue }
            if separators.contains(scalar) {
                pendingDash = true
                continue
            }
            if pendingDash && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(scalar)
        }
        var slug = String(out).precomposedStringWithCanonicalMapping.lowercased()
        if slug.first?.isASCII == true, slug.first?.isNumber == true { slug = "_" + slug }
        return slug
    }
}
