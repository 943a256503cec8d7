/// The loops of a dense layer over feature-major buffers (feature i of
/// sample n at `i * batch + n`). Reductions use eight partial sums in a fixed
/// order, so results are vectorized and still bit-reproducible.
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
        for o in 0..<outCount {
            let row = y + o * batch
            let bias = b[o]
            for n in 0..<batch { row[n] = bias }
            for i in 0..<inCount {
                let weight = w[o * inCount + i]
                let column = x + i * batch
                for n in 0..<batch { row[n] += weight * column[n] }
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
        for i in 0..<inCount {
            let row = dx + i * batch
            for n in 0..<batch { row[n] = 0 }
            for o in 0..<outCount {
                let weight = w[o * inCount + i]
                let gradient = dz + o * batch
                for n in 0..<batch { row[n] += weight * gradient[n] }
            }
        }
    }

    /// sum_k a[k] b[k], with eight lanes of partial sums.
    @inline(__always)
    static func dot<S: NetworkScalar>(_ a: UnsafePointer<S>, _ b: UnsafePointer<S>, count: Int) -> S {
        var lanes = SIMD8<S>()
        var k = 0
        while k + 8 <= count {
            lanes += load8(a + k) * load8(b + k)
            k += 8
        }
        var total = lanes.sum()
        while k < count { total += a[k] * b[k]; k += 1 }
        return total
    }

    /// sum_k a[k], with eight lanes of partial sums.
    @inline(__always)
    static func sum<S: NetworkScalar>(_ a: UnsafePointer<S>, count: Int) -> S {
        var lanes = SIMD8<S>()
        var k = 0
        while k + 8 <= count {
            lanes += load8(a + k)
            k += 8
        }
        var total = lanes.sum()
        while k < count { total += a[k]; k += 1 }
        return total
    }

    @inline(__always)
    static func load8<S: NetworkScalar>(_ p: UnsafePointer<S>) -> SIMD8<S> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<S>.self)
    }
}
