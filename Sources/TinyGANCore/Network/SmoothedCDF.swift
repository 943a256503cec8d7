/// The smoothed CDF of the `moments-and-cdf` input (formulas in
/// `DiscriminatorInputMode` and `DiscriminatorInput`).
extension DiscriminatorInput {
    /// C_1 ... C_K of the `moments-and-cdf` mode into c[0 ..< K]: the
    /// positions u_i once, then per point the ramps r(u_i - k) and their sum
    /// (elementwise loops and `Kernels.sum`, which vectorize).
    static func smoothedCDF(_ x: UnsafePointer<S>, count n: Int, mean: S, std: S,
                            positions u: UnsafeMutablePointer<S>, ramps: UnsafeMutablePointer<S>,
                            into c: UnsafeMutablePointer<S>) {
        let scale = 1 / (std * S(CDFGrid.width)), offset = -mean * scale + S(CDFGrid.offset)
        for i in 0..<n { u[i] = x[i] * scale + offset }
        for k in 0..<CDFGrid.count {
            let point = S(k)
            for i in 0..<n { ramps[i] = min(1, max(0, u[i] - point)) }
            c[k] = 2 * Kernels.sum(ramps, count: n) / S(n) - 1
        }
    }

    /// Adds the C_k terms of dLoss/dx (formula in the type's comment), from
    /// the positions u_i = z_i / w + a of the last `smoothedCDF` and g, the
    /// gradients of C_1 ... C_K. Every loop is elementwise or a kernel.
    static func addSmoothedCDFGradient(positions u: UnsafePointer<S>, count n: Int, std: S,
                                       featureGradient g: UnsafePointer<S>, pulls pull: UnsafeMutablePointer<S>,
                                       into dx: UnsafeMutablePointer<S>) {
        let w = S(CDFGrid.width), a = S(CDFGrid.offset), pullScale = 2 / w
        // The pull of u is g_k on (k, k + 1): as steps, sum over k = 0 ... K
        // of (g_k - g_(k-1)) [u > k], with g_(-1) = g_K = 0.
        for i in 0..<n { pull[i] = 0 }
        for k in 0...CDFGrid.count {
            let step = pullScale * ((k < CDFGrid.count ? g[k] : 0) - (k > 0 ? g[k - 1] : 0)), point = S(k)
            for i in 0..<n { pull[i] += u[i] > point ? step : 0 }
        }
        let count = S(n)
        let meanPull = Kernels.sum(pull, count: n) / count
        let zPull = w * (Kernels.dot(pull, u, count: n) / count - a * meanPull)  // mean_j u_j z_j
        let scale = 1 / (count * std)
        for i in 0..<n {
            let z = (u[i] - a) * w
            dx[i] += (pull[i] - meanPull - z * zPull) * scale
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
