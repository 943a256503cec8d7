/// The ReLU family over `Float` rows, 16 lanes at a time, as blends.
///
/// Written per value (`x > 0 ? x : 0`), the compiler turns the select into
/// a compare, a branch and a conditional store, which it cannot vectorize:
/// on a hidden layer about half the branches go each way, and the ReLU
/// took most of a 2-D run's forward pass. Here each lane is the same
/// select, so the values are bit for bit those of the per-value form
/// (NaN and -0 give +0, as `x > 0` is false for both). `Double` (the
/// gradient checks) keeps the per-value loops.
extension Float {
    /// `values` as a pointer to `Float` when `S` is `Float`, else nil (a
    /// test that the compiler folds in each specialization).
    @inline(__always)
    static func rebound<S>(_ values: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Float>? {
        S.self == Float.self ? UnsafeMutableRawPointer(values).assumingMemoryBound(to: Float.self) : nil
    }

    /// The same for a read-only pointer.
    @inline(__always)
    static func rebound<S>(_ values: UnsafePointer<S>) -> UnsafePointer<Float>? {
        S.self == Float.self ? UnsafeRawPointer(values).assumingMemoryBound(to: Float.self) : nil
    }

    /// x = x > 0 ? x : 0.
    static func reluInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
        map(values, count: count) { $0.replacing(with: 0, where: .!($0 .> 0)) }
    }

    /// x = x > 0 ? x : slope x.
    static func leakyReLUInPlace(_ values: UnsafeMutablePointer<Float>, count: Int, slope: Float) {
        map(values, count: count) { (slope * $0).replacing(with: $0, where: $0 .> 0) }
    }

    /// g = a > 0 ? g : 0, with a the layer's outputs.
    static func reluDerivative(_ gradient: UnsafeMutablePointer<Float>, outputs a: UnsafePointer<Float>,
                               count: Int) {
        map(gradient, a, count: count) { g, a in g.replacing(with: 0, where: .!(a .> 0)) }
    }

    /// g = g (a > 0 ? 1 : slope).
    static func leakyReLUDerivative(_ gradient: UnsafeMutablePointer<Float>, outputs a: UnsafePointer<Float>,
                                    count: Int, slope: Float) {
        let slopes = SIMD16<Float>(repeating: slope)
        map(gradient, a, count: count) { g, a in g * slopes.replacing(with: 1, where: a .> 0) }
    }

    /// values[i] = f(values[i]) for i < count; the last count mod 16
    /// through a vector padded with zeros.
    @inline(__always)
    static func map(_ values: UnsafeMutablePointer<Float>, count: Int, _ f: (SIMD16<Float>) -> SIMD16<Float>) {
        var i = 0
        while i + 16 <= count {
            Kernels.store16(f(Kernels.load16(values + i)), values + i)
            i += 16
        }
        guard i < count else { return }
        var rest = SIMD16<Float>()
        for lane in 0..<(count - i) { rest[lane] = values[i + lane] }
        let mapped = f(rest)
        for lane in 0..<(count - i) { values[i + lane] = mapped[lane] }
    }

    /// gradient[i] = f(gradient[i], a[i]) for i < count, as `map`.
    @inline(__always)
    static func map(_ gradient: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, count: Int,
                    _ f: (SIMD16<Float>, SIMD16<Float>) -> SIMD16<Float>) {
        var i = 0
        while i + 16 <= count {
            Kernels.store16(f(Kernels.load16(gradient + i), Kernels.load16(a + i)), gradient + i)
            i += 16
        }
        guard i < count else { return }
        var g = SIMD16<Float>(), outputs = SIMD16<Float>()
        for lane in 0..<(count - i) { (g[lane], outputs[lane]) = (gradient[i + lane], a[i + lane]) }
        let mapped = f(g, outputs)
        for lane in 0..<(count - i) { gradient[i + lane] = mapped[lane] }
    }
}
