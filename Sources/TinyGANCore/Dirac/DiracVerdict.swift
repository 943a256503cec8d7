/// What a Dirac-GAN trajectory did, judged from the trajectory alone, with
/// r_k the distance of step k's point from the equilibrium (0, 0):
///
/// - `diverges`: a value became NaN or infinite, or r_end > 1.5 r_0: it
///   ended half as far again from the equilibrium as it started.
/// - `converges`: r_end < 0.05 r_0.
/// - `stalls`: neither, and its last tenth of the steps moved it less than
///   0.01 r_0 in all: it came to rest away from the equilibrium.
/// - `orbits`: neither, still moving: it circles the equilibrium.
///
/// The limits were chosen on the notebook's trajectories (500 steps of
/// h = 0.2): the unregularized GAN with simultaneous steps ends at 2.2 r_0
/// (spiralling out), instance noise at 0.014 r_0 (the noise of its 1000
/// samples keeps it from 0), the gradient penalties below 1e-5 r_0, the
/// non-saturating GAN between 0.2 and 0.45 r_0, still circling.
public enum DiracVerdict: String, Codable, CaseIterable, Sendable {
    case converges
    case orbits
    case diverges
    case stalls

    public static let divergenceRatio = 1.5
    public static let convergenceRatio = 0.05
    public static let restRatio = 0.01

    public init(theta: [Double], psi: [Double]) {
        precondition(!theta.isEmpty && theta.count == psi.count)
        func r(_ k: Int) -> Double { (theta[k] * theta[k] + psi[k] * psi[k]).squareRoot() }
        let last = theta.count - 1, r0 = r(0), end = r(last)
        if !end.isFinite || end > Self.divergenceRatio * r0 {
            self = .diverges
        } else if end < Self.convergenceRatio * r0 {
            self = .converges
        } else {
            let from = last - max(1, theta.count / 10)
            var moved = 0.0
            for k in max(from, 0)..<last {
                let dt = theta[k + 1] - theta[k], dp = psi[k + 1] - psi[k]
                moved += (dt * dt + dp * dp).squareRoot()
            }
            self = moved < Self.restRatio * r0 ? .stalls : .orbits
        }
    }

    /// Whether the point reached the equilibrium.
    public var converged: Bool { self == .converges }
}
