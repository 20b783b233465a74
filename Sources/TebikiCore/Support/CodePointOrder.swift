/// Where one text stands against another in code point order, the order names and titles are
/// sorted in: the same on every machine.
enum CodePointComparison { case less, equal, greater }

/// `a` against `b` in code point order (UTF-8's byte order is the same), in one pass:
/// deterministic, and far cheaper than String's Unicode-aware `<` and `==` when sorting 10,000
/// Japanese titles. (memcmp measured slower: names differ within their first bytes.)
func codePointOrder(_ a: String, _ b: String) -> CodePointComparison {
    func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> CodePointComparison {
        for index in 0..<min(x.count, y.count) where x[index] != y[index] {
            return x[index] < y[index] ? .less : .greater
        }
        return x.count < y.count ? .less : x.count > y.count ? .greater : .equal
    }
    if let order = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) } }) ?? nil {
        return order
    }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? .less : a.utf8.elementsEqual(b.utf8) ? .equal : .greater
}

/// Whether `a` comes before `b` in code point order.
func precedes(_ a: String, _ b: String) -> Bool {
    codePointOrder(a, b) == .less
}
