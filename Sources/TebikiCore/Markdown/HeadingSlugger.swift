/// Heading ids by GitHub's rule, which Hugo also uses by default, so anchors that writers
/// already link to keep working: lower-case, punctuation dropped, spaces to `-`, letters of
/// every script kept, `-1`, `-2`… for repeats within one page.
struct HeadingSlugger {
    /// Room for a page's usual headings from the start: grown from empty, the table was
    /// allocated and rehashed several times on every page.
    private var used = [String: Int](minimumCapacity: 16)

    static func slug(_ text: String) -> String {
        if ByteSearch.isASCII(text) { return asciiSlug(text) }
        return kanaSlug(text) ?? characterSlug(text)
    }

    /// The rule itself, Character by Character, for any text.
    static func characterSlug(_ text: String) -> String {
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

    /// The same rule on scalars for a heading of ASCII, kana and kanji, each of which is a
    /// Character of its own and a letter (the long-vowel mark ー too); nil for any other text.
    private static func kanaSlug(_ text: String) -> String? {
        // Read on the UTF-8 and written into one buffer: a Substring's scalar view cost about 400
        // instructions a character, appending each character to an array about 50.
        text.trimmingSpaces().withContiguousUTF8 { source -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, source.count)) { out -> String? in
                var count = 0
                var index = 0
                while index < source.count {
                    let byte = source[index]
                    guard byte >= 0x80 else {
                        index += 1
                        if let kept = asciiSlugByte(byte) {
                            out[count] = kept
                            count += 1
                        }
                        continue
                    }
                    let (value, length) = UTF8Scalar.decode(source, at: index)
                    guard let scalar = Unicode.Scalar(value), scalar.isKanaOrKanjiLetter else { return nil }
                    for offset in 0..<length { out[count + offset] = source[index + offset] }
                    count += length
                    index += length
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
            }
        }
    }

    /// The same rule on bytes, for the common all-ASCII heading.
    private static func asciiSlug(_ text: String) -> String {
        text.withContiguousUTF8 { source in
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            var (start, end) = (0, source.count)
            while start < end && isSpace(source[start]) { start += 1 }
            while end > start && isSpace(source[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: max(1, end - start)) { out in
                var count = 0
                for index in start..<end {
                    if let kept = asciiSlugByte(source[index]) {
                        out[count] = kept
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// What an ASCII byte becomes in a slug: letters lower-cased, a space a hyphen; nil when dropped.
    private static func asciiSlugByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: byte
        case 0x20: 0x2D
        default: nil
        }
    }

    /// A unique id on this page for a heading whose slug is `base`.
    mutating func uniqueID(forSlug base: String) -> String {
        // Most headings are the first with their slug: the text hashed once, stored at once.
        guard var count = used.updateValue(0, forKey: base) else { return base }
        var candidate: String
        repeat {
            count += 1
            candidate = "\(base)-\(count)"
        } while used[candidate] != nil
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
