/// Heading ids by GitHub's rule, which Hugo also uses by default, so anchors that writers
/// already link to keep working: lower-case, punctuation dropped, spaces to `-`, letters of
/// every script kept, `-1`, `-2`… for repeats within one page.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.trimmingSpaces().lowercased() {
            if character == " " {
                out.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_"
                        || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                out.append(character)
            }
        }
        return out
    }

    /// A unique id for a heading on this page.
    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var count = used[base, default: 0]
        while used[candidate] != nil {
            count += 1
            candidate = "\(base)-\(count)"
        }
        used[base] = count
        used[candidate] = 0
        return candidate
    }

    /// Records an id the writer chose with `{#id}`; false when it is already taken.
    mutating func claim(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = 0
        return true
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }
}
