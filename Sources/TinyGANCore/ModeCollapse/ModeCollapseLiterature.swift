/// The published rows the mode-collapse benchmark is set beside, as
/// `shared/BENCHMARKS.md` gives them.
///
/// - PacGAN (Lin, Khetan, Fanti, Oh, NeurIPS 2018), Table 1: mean ±
///   standard error over 10 runs; 2,500 samples; G 4 x 400 ReLU with
///   batch norm, D 3 x 200 maxout (5 pieces), z 2-D N(0, I), Adam lr 1e-4
///   beta1 0.8, batch 100, 400 epochs over a fixed set of 100,000 samples
///   (400,000 steps). Its column is called reverse KL; its released code
///   (fjxmlzn/PacGAN) computes a Jensen-Shannon divergence of the HQ
///   points' mode histogram (`PlaneModeStatistics.pacganJSD`).
/// - VEEGAN (Srivastava, Valkov, Russell, Gutmann, Sutton, NeurIPS 2017),
///   Table 1: averages over 5 runs of 2,500 samples, modes and HQ share
///   only (no standard errors, no divergence).
public struct LiteratureRow: Sendable, Equatable {
    /// "PacGAN, Table 1"
    public var source: String
    public var method: String
    /// Per target ("ring", "grid"): modes covered, HQ share in percent,
    /// reverse KL; each with its standard error where the paper gives one.
    public var results: [String: LiteratureResult]
}

public struct LiteratureResult: Sendable, Equatable {
    public var modes: Double
    public var modesError: Double?
    public var hqPercent: Double
    public var hqError: Double?
    public var reverseKL: Double?
    public var reverseKLError: Double?
}

public enum ModeCollapseLiterature {
    public static let pacgan = "PacGAN, Table 1"
    public static let veegan = "VEEGAN, Table 1"

    static func pac(_ ring: (Double, Double, Double, Double, Double, Double),
                    _ grid: (Double, Double, Double, Double, Double, Double)) -> [String: LiteratureResult] {
        func result(_ r: (Double, Double, Double, Double, Double, Double)) -> LiteratureResult {
            LiteratureResult(modes: r.0, modesError: r.1, hqPercent: r.2, hqError: r.3, reverseKL: r.4, reverseKLError: r.5)
        }
        return ["ring": result(ring), "grid": result(grid)]
    }

    static func vee(_ ring: (Double, Double), _ grid: (Double, Double)) -> [String: LiteratureResult] {
        ["ring": LiteratureResult(modes: ring.0, hqPercent: ring.1), "grid": LiteratureResult(modes: grid.0, hqPercent: grid.1)]
    }

    public static let rows: [LiteratureRow] = [
        LiteratureRow(source: pacgan, method: "GAN", results: pac((6.3, 0.5, 98.2, 0.2, 0.45, 0.09),
                                                                  (17.3, 0.8, 94.8, 0.7, 0.70, 0.07))),
        LiteratureRow(source: pacgan, method: "ALI", results: pac((6.6, 0.3, 97.6, 0.4, 0.36, 0.04),
                                                                  (24.1, 0.4, 95.7, 0.6, 0.14, 0.03))),
        LiteratureRow(source: pacgan, method: "PacGAN2", results: pac((7.9, 0.1, 95.6, 2.0, 0.07, 0.03),
                                                                      (23.8, 0.7, 91.3, 0.8, 0.13, 0.04))),
        LiteratureRow(source: pacgan, method: "PacGAN3", results: pac((7.8, 0.1, 97.7, 0.3, 0.10, 0.02),
                                                                      (24.6, 0.4, 94.2, 0.4, 0.06, 0.02))),
        LiteratureRow(source: pacgan, method: "PacGAN4", results: pac((7.8, 0.1, 95.9, 1.4, 0.07, 0.02),
                                                                      (24.8, 0.2, 93.6, 0.6, 0.04, 0.01))),
        LiteratureRow(source: veegan, method: "GAN", results: vee((1, 99.3), (3.3, 0.5))),
        LiteratureRow(source: veegan, method: "ALI", results: vee((2.8, 0.13), (15.8, 1.6))),
        LiteratureRow(source: veegan, method: "Unrolled GAN", results: vee((7.6, 35.6), (23.6, 16))),
        LiteratureRow(source: veegan, method: "VEEGAN", results: vee((8, 52.9), (24.6, 40))),
    ]
}
