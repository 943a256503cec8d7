import Foundation

/// A Gaussian kernel density estimate of a sorted sample, for drawing:
/// p(x) = (1/n) sum_i phi((x - x_i) / h) / h with Silverman's bandwidth
/// h = 0.9 min(s, IQR / 1.34) n^(-1/5) (s the std; s alone when the IQR is
/// 0). The sample is first binned on 2048 equal cells over
/// [x_(1) - 4h, x_(n) + 4h], each cell's count at its center, and the sum
/// is cut at 6 h (a relative error below 1e-7 from the cut; the binning
/// moves each point by at most half a cell).
struct KernelDensity: Sendable {
    let lower: Double
    let cellWidth: Double
    let bandwidth: Double
    /// The share of the sample in each cell.
    let shares: [Double]

    init(sorted x: [Double], std: Double) {
        let n = x.count
        let iqr = x[(3 * (n - 1)) / 4] - x[(n - 1) / 4]
        let spread = iqr > 0 ? Swift.min(std, iqr / 1.34) : std
        bandwidth = 0.9 * spread * pow(Double(n), -0.2)
        lower = x[0] - 4 * bandwidth
        let cells = 2048
        cellWidth = (x[n - 1] + 4 * bandwidth - lower) / Double(cells)
        var shares = [Double](repeating: 0, count: cells)
        for value in x { shares[Swift.min(cells - 1, Int((value - lower) / cellWidth))] += 1 / Double(n) }
        self.shares = shares
    }

    func density(_ x: Double) -> Double {
        let first = Swift.max(0, Int(((x - 6 * bandwidth - lower) / cellWidth).rounded(.down)))
        let last = Swift.min(shares.count - 1, Int(((x + 6 * bandwidth - lower) / cellWidth).rounded(.up)))
        guard first <= last else { return 0 }
        var total = 0.0
        for k in first...last where shares[k] > 0 {
            total += shares[k] * Normal.standardDensity((x - (lower + (Double(k) + 0.5) * cellWidth)) / bandwidth)
        }
        return total / bandwidth
    }
}
