import TinyGANCore

/// A printout of the original PyTorch script, written from its documented
/// form (REFERENCE.md, "What the original prints"): without matplotlib its
/// first line says plotting is skipped and it ends after the last `Epoch`
/// line; with matplotlib it ends with `Plotting the generated
/// distribution...` and ` Values: [...]`. The second line names D's input.
/// Each `Epoch` line's generated mean and std move linearly from (0.5, 0.1)
/// at epoch 0 to (`lastMean`, `lastStd`) at the last printed epoch.
public struct OriginalPrintoutText: Sendable {
    /// The last printed line's generated mean and std.
    public var lastMean: Double
    public var lastStd: Double
    /// The final values, or nil for a run without matplotlib.
    public var values: [Double]?
    /// Numbers wrapped as `np.float64(...)` (newer numpy) or bare.
    public var newNumpy = true
    /// Printed epochs: 0, 100, ..., 100 (count - 1), as the original prints them.
    public var epochCount = 50

    public init(lastMean: Double, lastStd: Double, values: [Double]?) {
        self.lastMean = lastMean
        self.lastStd = lastStd
        self.values = values
    }

    /// `count` values at the quantiles (k + 1/2) / count of N(mean, std^2):
    /// a sample that follows the law as closely as `count` values can.
    public static func normalValues(mean: Double, std: Double, count: Int = 500) -> [Double] {
        let law = Normal(mean: mean, std: std)
        return (0..<count).map { law.quantile((Double($0) + 0.5) / Double(count)) }
    }

    /// The printed epoch of line k (0-based), as the original numbers it.
    public func printedEpoch(_ k: Int) -> Int { 100 * k }

    /// The lines, in order, without line ends.
    public var lines: [String] {
        func n(_ x: Double) -> String { newNumpy ? "np.float64(\(x))" : "\(x)" }
        var lines = values == nil ? ["Will skip plotting; matplotlib is not available."] : []
        lines.append("Using data [Only 4 moments]")
        for k in 0..<epochCount {
            let t = epochCount > 1 ? Double(k) / Double(epochCount - 1) : 1
            let mean = 0.5 + (lastMean - 0.5) * t, std = 0.1 + (lastStd - 0.1) * t
            lines.append("Epoch \(printedEpoch(k)): D (0.6931471805599453 real_err, 0.6931471805599453 fake_err) "
                + "G (0.6931471805599453 err); Real Dist ([\(n(4.01)), \(n(1.24))]),  Fake Dist ([\(n(mean)), \(n(std))]) ")
        }
        if let values {
            lines.append("Plotting the generated distribution...")
            lines.append(" Values: [" + values.map { "\($0)" }.joined(separator: ", ") + "]")
        }
        return lines
    }

    /// The whole printout, each line ended by `ending` ("\n", "\r\n", "\r").
    public func text(ending: String = "\n") -> String {
        lines.map { $0 + ending }.joined()
    }
}
