/// The one rule for names that become part of a URL and of a file in the output: category
/// folders, article files, images and other files under `Articles/`, slugs and alias segments.
enum URLSegment {
    /// The longest name most file systems take, in bytes.
    static let maximumLength = 255

    /// Why `segment` cannot be one segment of a page's URL and output path, or nil when it can.
    /// `#`, `?` and `%` are refused rather than encoded: a writer links to the file by the same
    /// name, and in a link they start a fragment, a query or an escape.
    static func problem(_ segment: Substring) -> String? {
        if segment.isEmpty { return "is empty" }
        if segment == "." || segment == ".." { return "'\(segment)' names a folder, not a page" }
        for scalar in segment.unicodeScalars {
            switch scalar {
            case "#", "?", "%":
                let starts = scalar == "#" ? "a fragment" : scalar == "?" ? "a query" : "an escape"
                return "contains '\(scalar)', which starts \(starts) in a link (leave out # ? %)"
            case "\\", "/":
                return "contains '\(scalar)', which separates folders"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                return "contains a control character"
            default:
                continue
            }
        }
        if segment.utf8.count > maximumLength {
            return "is \(segment.utf8.count) bytes long; file systems take at most \(maximumLength)"
        }
        return nil
    }

    static func problem(_ segment: String) -> String? {
        problem(segment[...])
    }
}
