/// Keeps at most `capacity` records of a stream of epoch records, evenly
/// spread, in memory independent of the stream's length: the records at
/// positions 0, k, 2k, ... of the stream, where the stride k is a power of
/// two that doubles (dropping every other kept record) whenever the kept
/// records would reach `capacity`, and the last record. So the first and the
/// last record are always kept, the kept ones are spaced exactly k apart
/// (but for the last), and for a stream of n > capacity records
/// capacity / 2 <= kept <= capacity. A stream of at most `capacity - 1`
/// records is kept whole.
///
/// This is stride decimation, for drawing: a figure a thousand pixels wide
/// shows no more of a curve of two million points than of ten thousand of
/// them. It does not keep the extremes between the kept records.
public struct EpochThinning: Sendable {
    public let capacity: Int
    /// The distance between kept records, in records of the stream.
    public private(set) var stride = 1
    /// How many records the stream has had.
    public private(set) var seen = 0
    private var kept: [EpochRecord] = []
    private var last: EpochRecord?

    /// `capacity` must be at least 2 (the first and the last record).
    public init(capacity: Int) {
        precondition(capacity >= 2, "EpochThinning keeps at least the first and the last record")
        self.capacity = capacity
        kept.reserveCapacity(capacity)
    }

    public mutating func add(_ record: EpochRecord) {
        if seen % stride == 0 {
            kept.append(record)
            if kept.count == capacity {
                // Keep positions 0, 2k, 4k, ...: the multiples of the new stride.
                let half = (kept.count + 1) / 2
                for i in 0..<half { kept[i] = kept[2 * i] }
                kept.removeLast(kept.count - half)
                stride *= 2
            }
        }
        last = record
        seen += 1
    }

    /// The kept records in stream order, the last record of the stream last.
    public var records: [EpochRecord] {
        guard let last, (seen - 1) % stride != 0 else { return kept }
        return kept + [last]
    }

    /// `records` thinned as a stream of them would be.
    public static func thin(_ records: [EpochRecord], to capacity: Int) -> [EpochRecord] {
        guard records.count >= capacity else { return records }
        var thinning = EpochThinning(capacity: capacity)
        for record in records { thinning.add(record) }
        return thinning.records
    }
}
