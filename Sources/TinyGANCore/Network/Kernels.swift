/// The loops of a dense layer over feature-major buffers (feature i of
/// sample n at `i * batch + n`). Sums over the batch (`dot`, `sum`) keep 32
/// lanes of partial sums and add them in a fixed order; sums over features
/// run in feature order, 16 samples at a time. Either way the order depends
/// only on the sizes, so results are vectorized and still bit-reproducible.
enum Kernels {
    /// y[o, n] = b[o] + sum_i W[o, i] x[i, n].
    @inline(__always)
    static func affine<S: NetworkScalar>(
        weights w: UnsafePointer<S>, bias b: UnsafePointer<S>,
        input x: UnsafePointer<S>, output y: UnsafeMutablePointer<S>,
        inCount: Int, outCount: Int, batch: Int
    ) {
        if batch == 1 {
            for o in 0..<outCount { y[o] = b[o] + dot(w + o * inCount, x, count: inCount) }
            return
        }
        // Output-stationary tiles of 16 samples: each output tile is summed in
        // a register and stored once.
        var n = 0
        while n + 16 <= batch {
            for o in 0..<outCount {
                var total = SIMD16<S>(repeating: b[o])
                for i in 0..<inCount { total += w[o * inCount + i] * load16(x + i * batch + n) }
                store16(total, y + o * batch + n)
            }
            n += 16
        }
        for o in 0..<outCount {
            for m in n..<batch {
                var total = b[o]
                for i in 0..<inCount { total += w[o * inCount + i] * x[i * batch + m] }
                y[o * batch + m] = total
            }
        }
    }

    /// dW[o, i] += sum_n dz[o, n] x[i, n];  db[o] += sum_n dz[o, n].
    @inline(__always)
    static func accumulateAffineGradients<S: NetworkScalar>(
        outputGradient dz: UnsafePointer<S>, input x: UnsafePointer<S>,
        weightGradient dw: UnsafeMutablePointer<S>, biasGradient db: UnsafeMutablePointer<S>,
        inCount: Int, outCount: Int, batch: Int
    ) {
        for o in 0..<outCount {
            let row = dz + o * batch
            db[o] += sum(row, count: batch)
            if batch == 1 {
                for i in 0..<inCount { dw[o * inCount + i] += row[0] * x[i] }
            } else {
                for i in 0..<inCount { dw[o * inCount + i] += dot(row, x + i * batch, count: batch) }
            }
        }
    }

    /// dx[i, n] = sum_o W[o, i] dz[o, n].
    @inline(__always)
    static func affineInputGradient<S: NetworkScalar>(
        weights w: UnsafePointer<S>, outputGradient dz: UnsafePointer<S>,
        inputGradient dx: UnsafeMutablePointer<S>, inCount: Int, outCount: Int, batch: Int
    ) {
        if batch == 1 {
            for i in 0..<inCount {
                var total: S = 0
                for o in 0..<outCount { total += w[o * inCount + i] * dz[o] }
                dx[i] = total
            }
            return
        }
        var n = 0
        while n + 16 <= batch {
            for i in 0..<inCount {
                var total = SIMD16<S>()
                for o in 0..<outCount { total += w[o * inCount + i] * load16(dz + o * batch + n) }
                store16(total, dx + i * batch + n)
            }
            n += 16
        }
        for i in 0..<inCount {
            for m in n..<batch {
                var total: S = 0
                for o in 0..<outCount { total += w[o * inCount + i] * dz[o * batch + m] }
                dx[i * batch + m] = total
            }
        }
    }

    /// sum_k a[k] b[k], with 32 lanes of partial sums in two independent
    /// accumulators (so the additions do not wait on one another).
    @inline(__always)
    static func dot<S: NetworkScalar>(_ a: UnsafePointer<S>, _ b: UnsafePointer<S>, count: Int) -> S {
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

    /// sum_k a[k], as `dot`.
    @inline(__always)
    static func sum<S: NetworkScalar>(_ a: UnsafePointer<S>, count: Int) -> S {
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
