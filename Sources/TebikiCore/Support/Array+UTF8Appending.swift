/// Appending text to UTF-8 being built (pages, page heads, escapes), copied from contiguous
/// bytes: appending a String's UTF-8 view as a sequence, or to a String, cost a few hundred
/// instructions a piece, more than the copy.
extension Array where Element == UInt8 {
    /// A literal, read where it is.
    mutating func append(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(utf8 text: String) {
        text.withContiguousUTF8 { append(contentsOf: $0) }
    }

    /// One scalar's bytes: appending its UTF-8 view went through generic code for each scalar.
    mutating func append(utf8 scalar: Unicode.Scalar) {
        if scalar.isASCII {
            append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { append($0) }
        }
    }
}
