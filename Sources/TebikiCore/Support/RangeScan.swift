/// Finds the positions of the numbers that fall in a range, sixteen numbers at a time: the
/// search index reads every article's shard list once for each range of shards it makes, and
/// read a number at a time, those reads took more instructions than the postings they found.
enum RangeScan {
    /// Calls `body` with the position of each of `values` in `low..<low + width`, in order.
    @inline(__always)
    static func forEachPosition(in values: UnsafeBufferPointer<UInt16>, from low: UInt16, width: UInt16,
                                _ body: (Int) -> Void) {
        guard let base = values.baseAddress else { return }
        let lanes = SIMD16<UInt16>.scalarCount
        let lows = SIMD16<UInt16>(repeating: low), widths = SIMD16<UInt16>(repeating: width)
        var start = 0
        while start + lanes <= values.count {
            let chunk = UnsafeRawPointer(base + start).loadUnaligned(as: SIMD16<UInt16>.self)
            let inRange = SIMD16<UInt16>(repeating: 0).replacing(with: .max, where: (chunk &- lows) .< widths)
            // A byte a lane, read as two words, so a chunk with no lane in range costs two tests
            // and each lane in range is found by counting zero bits.
            let bytes = unsafeBitCast(SIMD16<UInt8>(truncatingIfNeeded: inRange), to: (UInt64, UInt64).self)
            visit(bytes.0, from: start, body)
            visit(bytes.1, from: start + 8, body)
            start += lanes
        }
        for position in start..<values.count where values[position] &- low < width { body(position) }
    }
}

private extension RangeScan {
    @inline(__always)
    static func visit(_ lanes: UInt64, from start: Int, _ body: (Int) -> Void) {
        var lanes = lanes
        while lanes != 0 {
            let lane = lanes.trailingZeroBitCount >> 3
            body(start + lane)
            lanes &= ~(0xFF << UInt64(lane << 3))
        }
    }
}
