/// The smoothed CDF of the `moments-and-cdf` input (formulas in
/// `DiscriminatorInputMode` and `DiscriminatorInput`).
extension DiscriminatorInput {
    /// C_0 ... C_(K-1) of the `moments-and-cdf` mode into c[0 ..< K]: the
    /// positions u_i = z_i / w + a once, then per point the ramps r(u_i - k)
    /// and their sum (elementwise loops and `Kernels.sum`, which vectorize).
    /// u_i is computed from x_i - m, so a large mean costs no precision.
    static func smoothedCDF(_ x: UnsafePointer<S>, count n: Int, mean: S, std: S,
                            positions u: UnsafeMutablePointer<S>, ramps: UnsafeMutablePointer<S>,
                            into c: UnsafeMutablePointer<S>) {
        let scale = 1 / (std * S(CDFGrid.width)), a = S(CDFGrid.offset)
        for i in 0..<n { u[i] = (x[i] - mean) * scale + a }
        for k in 0..<CDFGrid.count {
            let point = S(k)
            for i in 0..<n { ramps[i] = min(1, max(0, u[i] - point)) }
            c[k] = 2 * Kernels.sum(ramps, count: n) / S(n) - 1
        }
    }

    /// Adds the C_k terms of dLoss/dx (formula in `DiscriminatorInput`'s
    /// comment), from the positions u_i of the last `smoothedCDF` and g, the
    /// gradients of C_0 ... C_(K-1); `pulls` is scratch for the p_i. Every
    /// loop is elementwise or a kernel.
    static func addSmoothedCDFGradient(positions u: UnsafePointer<S>, count n: Int, std: S,
                                       featureGradient g: UnsafePointer<S>, pulls p: UnsafeMutablePointer<S>,
                                       into dx: UnsafeMutablePointer<S>) {
        let w = S(CDFGrid.width), a = S(CDFGrid.offset), pullScale = 2 / w
        // p_i = (2 / w) g_k for u_i in (k, k + 1), written as steps: the sum
        // over k = 0 ... K of (2 / w)(g_k - g_(k-1)) [u_i > k], g_(-1) = g_K = 0.
        for i in 0..<n { p[i] = 0 }
        for k in 0...CDFGrid.count {
            let step = pullScale * ((k < CDFGrid.count ? g[k] : 0) - (k > 0 ? g[k - 1] : 0)), point = S(k)
            for i in 0..<n { p[i] += u[i] > point ? step : 0 }
        }
        let count = S(n)
        let meanPull = Kernels.sum(p, count: n) / count
        // mean_j p_j z_j, with z_j = (u_j - a) w.
        let zPull = w * (Kernels.dot(p, u, count: n) / count - a * meanPull)
        let scale = 1 / (count * std)
        for i in 0..<n {
            let z = (u[i] - a) * w
            dx[i] += (p[i] - meanPull - z * zPull) * scale
        }
    }
}

/// The points of the `moments-and-cdf` input: t_k = -2 + k w for
/// k = 0 ..< `count`, spacing w = 4 / (count - 1).
enum CDFGrid {
    static let count = 17
    static let width = 4 / Double(count - 1)
    /// u = z / w + offset puts the ramp of point k on u in [k, k + 1].
    static let offset = 0.5 + 2 / width
}
