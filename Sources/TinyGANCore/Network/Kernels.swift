/// The loops of a dense layer over feature-major buffers (feature i of
/// sample n at `i * batch + n`). Sums over the batch (`dot`, `sum`) keep 32
/// lanes of partial sums and add them in a fixed order; sums over features
/// run in feature order, 16 samples at a time. Either way the order depends
/// only on the sizes, so results are vectorized and still bit-reproducible.
enum Kernels {
    /// y[o, n] = b[o] + sum_i W[o, i] x[i, n]; without b, 0 + sum_i ...
    @inline(__always)
    static func affine<S: NetworkScalar>(
        weights w: UnsafePointer<S>, bias: UnsafePointer<S>?,
        input x: UnsafePointer<S>, output y: UnsafeMutablePointer<S>,
        inCount: Int, outCount: Int, batch: Int
    ) {
        @inline(__always) func b(_ o: Int) -> S { bias.map { $0[o] } ?? 0 }
        if batch == 1 {
            for o in 0..<outCount { y[o] = b(o) + dot(w + o * inCount, x, count: inCount) }
            return
        }
        // Output-stationary tiles of 16 samples, four outputs at a time: the
        // four tiles are summed in registers and share each load of x. Each
        // value is still b[o] + W[o,0] x[0,n] + W[o,1] x[1,n] + ... in that
        // order, a multiply then an add per term, as one output at a time.
        // Cache blocking: the inputs are taken in chunks of at most 128 rows
        // (and about 128 KiB) of x, which stay in L2 while every output
        // passes over them; the outputs in groups of 16, whose rows of W
        // (8 KiB of a chunk) stay in L1 while the tiles of 16 samples of x
        // (8 KiB of a chunk) are each read once per group from L2 and then
        // by the group's four blocks from L1. Between chunks a partial sum
        // waits in y (storing and reloading a Float is exact).
        let chunk = Swift.max(16, Swift.min(128, 32_768 / batch)), blocked = outCount / 4 * 4
        var i0 = 0
        repeat {
            let i1 = Swift.min(inCount, i0 + chunk)
            for group in Swift.stride(from: 0, to: blocked, by: 16) {
                var n = 0
                while n + 16 <= batch {
                    for o in Swift.stride(from: group, to: Swift.min(blocked, group + 16), by: 4) {
                        let w0 = w + o * inCount, w1 = w0 + inCount, w2 = w1 + inCount, w3 = w2 + inCount
                        let y0 = y + o * batch + n, y1 = y0 + batch, y2 = y1 + batch, y3 = y2 + batch
                        var t0, t1, t2, t3: SIMD16<S>
                        if i0 == 0 {
                            t0 = SIMD16(repeating: b(o)); t1 = SIMD16(repeating: b(o + 1))
                            t2 = SIMD16(repeating: b(o + 2)); t3 = SIMD16(repeating: b(o + 3))
                        } else {
                            t0 = load16(y0); t1 = load16(y1); t2 = load16(y2); t3 = load16(y3)
                        }
                        var column = x + i0 * batch + n
                        for i in i0..<i1 {
                            let v = load16(column)
                            t0 += w0[i] * v
                            t1 += w1[i] * v
                            t2 += w2[i] * v
                            t3 += w3[i] * v
                            column += batch
                        }
                        store16(t0, y0); store16(t1, y1); store16(t2, y2); store16(t3, y3)
                    }
                    n += 16
                }
            }
            i0 = i1
        } while i0 < inCount
        let tiled = batch / 16 * 16
        for o in blocked..<outCount {
            // The last outCount mod 4 outputs: four tiles of samples at a
            // time, so that four chains of additions are in flight.
            tiledRow(w + o * inCount, start: b(o), x, y + o * batch, count: inCount, batch: batch, tiled: tiled)
        }
        for o in 0..<outCount {
            for m in tiled..<batch {
                var total = b(o)
                for i in 0..<inCount { total += w[o * inCount + i] * x[i * batch + m] }
                y[o * batch + m] = total
            }
        }
    }

    /// dW[o, i] += sum_n dz[o, n] x[i, n];  db[o] += sum_n dz[o, n]. Wide
    /// layers (`isWide`), given room for their transposed input
    /// (`transposeScratchCount`), take the blocked path of
    /// `accumulateWideWeightGradient`, whose sums over n run in another
    /// fixed order.
    @inline(__always)
    static func accumulateAffineGradients<S: NetworkScalar>(
        outputGradient dz: UnsafePointer<S>, input x: UnsafePointer<S>,
        weightGradient dw: UnsafeMutablePointer<S>, biasGradient db: UnsafeMutablePointer<S>,
        inCount: Int, outCount: Int, batch: Int, transposeScratch: UnsafeMutablePointer<S>? = nil
    ) {
        if let transposeScratch, isWide(inCount: inCount, outCount: outCount, batch: batch) {
            for o in 0..<outCount { db[o] += sum(dz + o * batch, count: batch) }
            accumulateWideWeightGradient(outputGradient: dz, input: x, weightGradient: dw,
                                         transposed: transposeScratch, inCount: inCount,
                                         outCount: outCount, batch: batch)
            return
        }
        for o in 0..<outCount {
            let row = dz + o * batch
            db[o] += sum(row, count: batch)
            if batch == 1 {
                for i in 0..<inCount { dw[o * inCount + i] += row[0] * x[i] }
            } else {
                var i = 0
                while i + 2 <= inCount {
                    let (first, second) = dot2(row, x + i * batch, x + (i + 1) * batch, count: batch)
                    dw[o * inCount + i] += first
                    dw[o * inCount + i + 1] += second
                    i += 2
                }
                if i < inCount { dw[o * inCount + i] += dot(row, x + i * batch, count: batch) }
            }
        }
    }

    /// dx[i, n] = sum_o W[o, i] dz[o, n].
    @inline(__always)
    static func affineInputGradient<S: NetworkScalar>(
        weights w: UnsafePointer<S>, outputGradient dz: UnsafePointer<S>,
        inputGradient dx: UnsafeMutablePointer<S>, inCount: Int, outCount: Int, batch: Int,
        transposeScratch: UnsafeMutablePointer<S>? = nil
    ) {
        if let transposeScratch, isWide(inCount: inCount, outCount: outCount, batch: batch) {
            // W^T, then the forward kernel over it: the same sums in the same
            // order, read from rows instead of down columns.
            transpose(w, rows: outCount, columns: inCount, into: transposeScratch, rowLength: outCount)
            affine(weights: transposeScratch, bias: nil, input: dz, output: dx, inCount: outCount,
                   outCount: inCount, batch: batch)
            return
        }
        if batch == 1 {
            for i in 0..<inCount {
                var total: S = 0
                for o in 0..<outCount { total += w[o * inCount + i] * dz[o] }
                dx[i] = total
            }
            return
        }
        // As `affine`, four inputs x 16 samples at a time: each value is
        // 0 + W[0,i] dz[0,n] + W[1,i] dz[1,n] + ... in that order.
        var i = 0
        while i + 4 <= inCount {
            var n = 0
            while n + 16 <= batch {
                var t0 = SIMD16<S>(), t1 = SIMD16<S>(), t2 = SIMD16<S>(), t3 = SIMD16<S>()
                var row = w + i, column = dz + n
                for _ in 0..<outCount {
                    let v = load16(column)
                    t0 += row[0] * v
                    t1 += row[1] * v
                    t2 += row[2] * v
                    t3 += row[3] * v
                    row += inCount
                    column += batch
                }
                store16(t0, dx + i * batch + n)
                store16(t1, dx + (i + 1) * batch + n)
                store16(t2, dx + (i + 2) * batch + n)
                store16(t3, dx + (i + 3) * batch + n)
                n += 16
            }
            i += 4
        }
        let tiled = batch / 16 * 16
        for i in i..<inCount {
            tiledRow(w + i, step: inCount, start: 0, dz, dx + i * batch, count: outCount, batch: batch, tiled: tiled)
        }
        for i in 0..<inCount {
            for m in tiled..<batch {
                var total: S = 0
                for o in 0..<outCount { total += w[o * inCount + i] * dz[o * batch + m] }
                dx[i * batch + m] = total
            }
        }
    }

    /// y[n] = start + c[0] x[0, n] + c[1] x[1, n] + ... + c[count - 1] x[count - 1, n]
    /// for n < `tiled` (a multiple of 16), a rounded multiply then a rounded
    /// add per term in that order, with c[k] = `coefficients[k * step]`
    /// (rows of x `batch` apart). Four tiles of 16 samples at a time.
    @inline(__always)
    static func tiledRow<S: NetworkScalar>(
        _ coefficients: UnsafePointer<S>, step: Int = 1, start: S, _ x: UnsafePointer<S>,
        _ y: UnsafeMutablePointer<S>, count: Int, batch: Int, tiled: Int
    ) {
        var n = 0
        while n + 64 <= tiled {
            var t0 = SIMD16<S>(repeating: start), t1 = t0, t2 = t0, t3 = t0
            var column = x + n, c = coefficients
            for _ in 0..<count {
                let weight = c[0]
                t0 += weight * load16(column)
                t1 += weight * load16(column + 16)
                t2 += weight * load16(column + 32)
                t3 += weight * load16(column + 48)
                column += batch
                c += step
            }
            store16(t0, y + n); store16(t1, y + n + 16); store16(t2, y + n + 32); store16(t3, y + n + 48)
            n += 64
        }
        while n < tiled {
            var total = SIMD16<S>(repeating: start)
            for k in 0..<count { total += coefficients[k * step] * load16(x + k * batch + n) }
            store16(total, y + n)
            n += 16
        }
    }

    /// sum_k a[k] b[k], with 32 lanes of partial sums in two independent
    /// accumulators (so the additions do not wait on one another).
    @inline(__always)
    static func dot<S: NetworkScalar>(_ a: UnsafePointer<S>, _ b: UnsafePointer<S>, count: Int) -> S {
        if count < 16 {
            // The lanes would hold only zeros, whose sum is +0: the same
            // value as the loop below from 0, without a horizontal sum (the
            // article's D, at batch 1, takes 21 such dot products a pass).
            var total: S = 0
            for k in 0..<count { total += a[k] * b[k] }
            return total
        }
        var even = SIMD16<S>(), odd = SIMD16<S>()
        var k = 0
        while k + 32 <= count {
            even += load16(a + k) * load16(b + k)
            odd += load16(a + k + 16) * load16(b + k + 16)
            k += 32
        }
        if k + 16 <= count {
            even += load16(a + k) * load16(b + k)
            k += 16
        }
        var total = (even + odd).sum()
        while k < count { total += a[k] * b[k]; k += 1 }
        return total
    }

    /// (dot(a, b0), dot(a, b1)), each summed exactly as `dot` sums it,
    /// sharing the loads of a.
    @inline(__always)
    static func dot2<S: NetworkScalar>(
        _ a: UnsafePointer<S>, _ b0: UnsafePointer<S>, _ b1: UnsafePointer<S>, count: Int
    ) -> (S, S) {
        var even0 = SIMD16<S>(), odd0 = SIMD16<S>(), even1 = SIMD16<S>(), odd1 = SIMD16<S>()
        var k = 0
        while k + 32 <= count {
            let low = load16(a + k), high = load16(a + k + 16)
            even0 += low * load16(b0 + k)
            odd0 += high * load16(b0 + k + 16)
            even1 += low * load16(b1 + k)
            odd1 += high * load16(b1 + k + 16)
            k += 32
        }
        if k + 16 <= count {
            let low = load16(a + k)
            even0 += low * load16(b0 + k)
            even1 += low * load16(b1 + k)
            k += 16
        }
        var total0 = (even0 + odd0).sum(), total1 = (even1 + odd1).sum()
        while k < count {
            total0 += a[k] * b0[k]
            total1 += a[k] * b1[k]
            k += 1
        }
        return (total0, total1)
    }

    /// sum_k a[k], as `dot`.
    @inline(__always)
    static func sum<S: NetworkScalar>(_ a: UnsafePointer<S>, count: Int) -> S {
        if count < 16 {
            var total: S = 0
            for k in 0..<count { total += a[k] }
            return total
        }
        var even = SIMD16<S>(), odd = SIMD16<S>()
        var k = 0
        while k + 32 <= count {
            even += load16(a + k)
            odd += load16(a + k + 16)
            k += 32
        }
        if k + 16 <= count {
            even += load16(a + k)
            k += 16
        }
        var total = (even + odd).sum()
        while k < count { total += a[k]; k += 1 }
        return total
    }

    @inline(__always)
    static func load16<S: NetworkScalar>(_ p: UnsafePointer<S>) -> SIMD16<S> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<S>.self)
    }

    @inline(__always)
    static func store16<S: NetworkScalar>(_ value: SIMD16<S>, _ p: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD16<S>.self)
    }
}
