/// Decoding a String's UTF-8 a scalar at a time where a loop reads the bytes itself: the
/// standard library's scalar view costs several times as much per character.
enum UTF8Scalar {
    /// The scalar whose bytes start at `index`, a lead byte of 0x80 or more, and how many bytes
    /// it takes. The bytes are a String's, so always valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
