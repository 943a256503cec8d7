import Foundation
import Testing
import TinyGANCore

/// `GridDivergence` against hand-built point sets.
@Suite struct GridDivergenceTests {
    let box = PlaneBox(xMin: 0, xMax: 3, yMin: 0, yMax: 3)

    func planar(_ points: [(Float, Float)]) -> [Float] { points.map(\.0) + points.map(\.1) }

    /// Every point binned once: cell index iy * cells + ix, the right and
    /// top edges in the last cells, outside and non-finite points in the
    /// last bin; the shares sum to 1.
    @Test func everyPointIsBinned() {
        let shares = GridDivergence.histogram(
            planar: planar([(0, 0), (0.5, 2.5), (3, 3), (2.999, 0), (-0.1, 1), (1, .nan), (4, 4), (1.5, 1.5)]), bounds: box, cells: 3)
        let expected: [Double] = [1, 0, 1, 0, 1, 0, 1, 0, 1, 3].map { $0 / 8 }
        #expect(shares == expected)
    }

    @Test func aSetAgainstItselfIsZero() {
        let batch = PlaneTargetTests.draws(.ring, n: 2500)
        let same = GridDivergence(generated: batch, real: batch, bounds: PlaneTarget.ring.bounds)
        #expect(same.kl == 0 && same.js == 0 && same.cells == 30)
    }

    /// Disjoint sets: JS = ln 2 exactly; KL of the smoothed one-cell
    /// histograms is ln((1 + eps) / eps) / (1 + B eps), B = 901 bins.
    @Test func disjointSetsAreLogTwoApart() {
        let real = planar(Array(repeating: (0.5, 0.5), count: 100)), generated = planar(Array(repeating: (2.5, 2.5), count: 40))
        let d = GridDivergence(generated: generated, real: real, bounds: box)
        #expect(abs(d.js - log(2)) < 1e-15)
        let eps = GridDivergence.epsilon
        #expect(abs(d.kl - log((1 + eps) / eps) / (1 + 901 * eps)) < 1e-12)
        let scattered = GridDivergence(generated: planar([(9, 9), (1.5, 1.5)]), real: real, bounds: box)
        #expect(scattered.generatedOutside == 0.5 && scattered.realOutside == 0 && abs(scattered.js - log(2)) < 1e-15)
    }

    /// Against the target's reference sample: the target's own 2,500 draws
    /// are closer than a collapse onto one mode, which sits near ln 2
    /// (7/8 of the real mass away from it).
    @Test func theTargetsOwnDrawsBeatACollapse() {
        let own = GridDivergence(generated: PlaneTargetTests.draws(.ring, n: 2500, seed: 9), target: .ring)
        let collapsed = GridDivergence(generated: planar(Array(repeating: (1, 0), count: 2500)), target: .ring)
        #expect(own.js < 0.01 && own.kl < 0.05, "\(own)")
        #expect(collapsed.js > 0.5 && collapsed.kl > 5 * own.kl, "\(collapsed)")
        #expect(GridDivergence(generated: planar([(1, 0)]), target: .ring) == GridDivergence(generated: planar([(1, 0)]), target: .ring))
    }
}
