import Foundation

/// One isotropic Gaussian mode of a 2-D mixture: mean (x, y), the same
/// std on both axes, and its weight (the weights of a target sum to 1).
public struct PlaneMode: Codable, Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var std: Double
    public var weight: Double

    public init(x: Double, y: Double, std: Double, weight: Double) {
        (self.x, self.y, self.std, self.weight) = (x, y, std, weight)
    }

    /// The distance from (px, py) to the mean in stds: the Mahalanobis
    /// distance sqrt((p - m)^T (s^2 I)^-1 (p - m)) of an isotropic mode.
    @inline(__always)
    public func standardizedDistance(x px: Double, y py: Double) -> Double {
        ((px - x) * (px - x) + (py - y) * (py - y)).squareRoot() / std
    }

    /// N((px, py); m, s^2 I) = exp(-|p - m|^2 / (2 s^2)) / (2 pi s^2).
    @inline(__always)
    public func density(x px: Double, y py: Double) -> Double {
        let d2 = ((px - x) * (px - x) + (py - y) * (py - y)) / (std * std)
        return exp(-0.5 * d2) / (2 * Double.pi * std * std)
    }
}
