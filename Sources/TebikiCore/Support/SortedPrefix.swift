extension Sequence {
    /// What `sorted(by:).prefix(count)` gives, equal elements in the order they came, found in one
    /// pass that keeps only `count` of them: the home page and the feed show the few newest of
    /// every article, and sorting 10,000 of them by date and id, on one core, cost about as much
    /// as writing a hundred pages.
    func sortedPrefix(_ count: Int, by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count + 1)
        for element in self {
            if kept.count == count, try !areInIncreasingOrder(element, kept[count - 1]) { continue }
            // After every kept element it does not come before, so equal ones keep their order.
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if try areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(element, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
