/// The Wilson score interval for a binomial proportion (Wilson, 1927): with
/// k successes in n trials, p = k/n and z the normal quantile of the level,
///
///     center = (p + z^2 / 2n) / (1 + z^2 / n)
///     half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
///
/// Unlike p +- z sqrt(p (1 - p) / n) it stays inside [0, 1] and keeps its
/// coverage near 0 and n successes, where sweeps of good recipes live.
public struct WilsonInterval: Codable, Equatable, Sendable {
    public var successes: Int
    public var trials: Int
    public var lower: Double
    public var upper: Double

    /// The interval at 95% (z = 1.959963984540054) by default.
    public init(successes: Int, trials: Int, z: Double = 1.959963984540054) {
        precondition(trials > 0 && (0...trials).contains(successes))
        self.successes = successes
        self.trials = trials
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        lower = max(0, center - half)
        upper = min(1, center + half)
    }

    public var rate: Double { Double(successes) / Double(trials) }
}
