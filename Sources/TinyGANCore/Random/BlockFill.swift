/// Fills a batch in two passes over blocks of up to `rows` values, so that a
/// sampler's costly arithmetic (`FastMath`) runs four lanes at a time:
/// 1. `draw` writes `count` rows of the block's columns, consuming the
///    generator in order (so the values do not depend on the block size);
/// 2. `transform` maps each four rows to four values, each computed in
///    double precision and rounded to `Float`.
/// Rows past `count` up to a multiple of four repeat row 0 (a valid input
/// for the transform) and are not written out. The block lives on the stack.
enum BlockFill {
    static let rows = 256

    /// A block of `columns` columns of `BlockFill.rows` doubles each.
    struct Block {
        let base: UnsafeMutablePointer<Double>

        @inline(__always)
        subscript(column: Int, row: Int) -> Double {
            get { base[column * BlockFill.rows + row] }
            nonmutating set { base[column * BlockFill.rows + row] = newValue }
        }

        /// Rows `row ..< row + 4` of `column`.
        @inline(__always)
        func lanes(_ column: Int, _ row: Int) -> FastMath.Lanes {
            UnsafeRawPointer(base + column * BlockFill.rows + row).loadUnaligned(as: FastMath.Lanes.self)
        }
    }

    @inline(__always)
    static func fill(
        _ batch: inout [Float], columns: Int,
        draw: (_ block: Block, _ count: Int) -> Void,
        transform: (_ block: Block, _ row: Int) -> FastMath.Lanes
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: columns * rows) { storage in
            let block = Block(base: storage.baseAddress!)
            batch.withUnsafeMutableBufferPointer { batch in
                var start = 0
                while start < batch.count {
                    let count = min(rows, batch.count - start)
                    draw(block, count)
                    for row in count..<((count + 3) & ~3) {
                        for column in 0..<columns { block[column, row] = block[column, 0] }
                    }
                    var row = 0
                    while row < count {
                        let values = transform(block, row)
                        for lane in 0..<min(4, count - row) { batch[start + row + lane] = Float(values[lane]) }
                        row += 4
                    }
                    start += count
                }
            }
        }
    }
}
