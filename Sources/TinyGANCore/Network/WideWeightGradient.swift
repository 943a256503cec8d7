/// The weight gradient of a wide layer, as a matrix product with registers
/// blocked over outputs and inputs.
///
/// dW[o, i] += sum_n dz[o, n] x[i, n] is a product of dz (out x batch) and
/// x^T (batch x in). `Kernels.accumulateAffineGradients` computes each
/// entry as a dot product over the batch (32 lanes of partial sums, then a
/// horizontal sum): two loads per multiply-add and a reduction per entry,
/// which caps it far below the core's peak once in x out is large. Here x
/// is first transposed into sample-major rows of `rowLength(in)` values
/// (zero beyond `in`); then a block of 4 outputs x 16 inputs is summed in
/// registers as outer products over the batch: per sample one load of 16
/// inputs, 4 broadcasts of dz and 4 fused multiply-adds.
///
/// Summation order: each entry is s = 0, then s = fma(dz[o,n], x[i,n], s)
/// for n = 0, 1, ..., batch - 1 in turn, then dW[o, i] += s. It depends
/// only on the sizes (blocks and leftovers compute the same chain), so the
/// results are bit-reproducible; it is not the order of the dot-product
/// path, which is why that path stays for every layer that is not wide
/// (the article's networks among them).
extension Kernels {
    /// Layers at least this wide on both sides, with a batch above 1, take
    /// the blocked path.
    static let wideLayer = 64

    @inline(__always)
    static func isWide(inCount: Int, outCount: Int, batch: Int) -> Bool {
        batch > 1 && inCount >= wideLayer && outCount >= wideLayer
    }

    /// `count` rounded up to an odd multiple of 16: the length of a padded
    /// row of a network with a wide layer, and of a transposed input's row.
    /// Rows a power of two apart (512 or 256 Floats) fall into a few sets
    /// of the 8-way L1 cache, and a tile of 16 lanes read down 200 to 500
    /// such rows misses on nearly every load; rows an odd number of cache
    /// lines (64 bytes = 16 Floats) apart spread over all of its sets.
    @inline(__always)
    static func rowLength(_ count: Int) -> Int {
        let lines = (count + 15) / 16
        return (lines | 1) * 16
    }

    /// Values of scratch a wide layer's backward pass needs: its input
    /// transposed (`batch` rows of `rowLength(inCount)`), or its weights
    /// transposed (`inCount` x `outCount`), one after the other.
    static func transposeScratchCount(inCount: Int, outCount: Int, batch: Int) -> Int {
        max(batch * rowLength(inCount), inCount * outCount)
    }

    /// dW[o, i] += sum_n dz[o, n] x[i, n] in the order above; `transposed`
    /// has room for batch x rowLength(inCount) values.
    @inline(__always)
    static func accumulateWideWeightGradient<S: NetworkScalar>(
        outputGradient dz: UnsafePointer<S>, input x: UnsafePointer<S>, weightGradient dw: UnsafeMutablePointer<S>,
        transposed xt: UnsafeMutablePointer<S>, inCount: Int, outCount: Int, batch: Int
    ) {
        let width = rowLength(inCount)
        transpose(x, rows: inCount, columns: batch, into: xt, rowLength: width)
        for n in 0..<batch { (xt + n * width + inCount).update(repeating: 0, count: width - inCount) }
        // Blocks of 16 inputs in chunks of about 128 KiB of the transposed
        // input, which stay in L2 while every block of outputs passes over
        // them; within a chunk, a block of outputs keeps its rows of dz in L1.
        let chunk = Swift.max(16, 32_768 / batch / 16 * 16)
        for c in Swift.stride(from: 0, to: width, by: chunk) {
            var o = 0
            while o + 4 <= outCount {
                let d0 = dz + o * batch, d1 = d0 + batch, d2 = d1 + batch, d3 = d2 + batch
                for i in Swift.stride(from: c, to: Swift.min(width, c + chunk), by: 16) {
                    let lanes = Swift.min(16, inCount - i)
                    var s0 = SIMD16<S>(), s1 = SIMD16<S>(), s2 = SIMD16<S>(), s3 = SIMD16<S>()
                    var column = UnsafePointer(xt + i)
                    for n in 0..<batch {
                        let v = load16(column)
                        s0 = s0.addingProduct(d0[n], v)
                        s1 = s1.addingProduct(d1[n], v)
                        s2 = s2.addingProduct(d2[n], v)
                        s3 = s3.addingProduct(d3[n], v)
                        column += width
                    }
                    add(s0, to: dw + o * inCount + i, lanes: lanes)
                    add(s1, to: dw + (o + 1) * inCount + i, lanes: lanes)
                    add(s2, to: dw + (o + 2) * inCount + i, lanes: lanes)
                    add(s3, to: dw + (o + 3) * inCount + i, lanes: lanes)
                }
                o += 4
            }
            for o in o..<outCount {
                let d = dz + o * batch
                for i in Swift.stride(from: c, to: Swift.min(width, c + chunk), by: 16) {
                    var s = SIMD16<S>()
                    var column = UnsafePointer(xt + i)
                    for n in 0..<batch {
                        s = s.addingProduct(d[n], load16(column))
                        column += width
                    }
                    add(s, to: dw + o * inCount + i, lanes: Swift.min(16, inCount - i))
                }
            }
        }
    }

    /// target[c * rowLength + r] = source[r * columns + c], in tiles of
    /// 16 x 16 so that reads and writes both run along rows.
    @inline(__always)
    static func transpose<S>(_ source: UnsafePointer<S>, rows: Int, columns: Int,
                             into target: UnsafeMutablePointer<S>, rowLength: Int) {
        for r0 in Swift.stride(from: 0, to: rows, by: 16) {
            for c0 in Swift.stride(from: 0, to: columns, by: 16) {
                for r in r0..<Swift.min(rows, r0 + 16) {
                    for c in c0..<Swift.min(columns, c0 + 16) { target[c * rowLength + r] = source[r * columns + c] }
                }
            }
        }
    }

    /// target[j] += sums[j] for j < lanes.
    @inline(__always)
    static func add<S: NetworkScalar>(_ sums: SIMD16<S>, to target: UnsafeMutablePointer<S>, lanes: Int) {
        if lanes == 16 {
            store16(load16(target) + sums, target)
        } else {
            for j in 0..<lanes { target[j] += sums[j] }
        }
    }
}
