import Foundation
import Testing
import TinyGANCore

/// The 2-D targets: their modes as PacGAN defines them, specs and their
/// errors, samplers against their moments, densities against quadrature
/// and sampling, the planar layout, and determinism.
@Suite struct PlaneTargetTests {
    /// n draws of `target` with `seed`, planar.
    static func draws(_ target: PlaneTarget, n: Int, seed: UInt64 = 1) -> [Float] {
        var batch = [Float](repeating: .nan, count: 2 * n)
        var rng = Xoshiro256StarStar(seed: seed)
        target.fill(&batch, count: n, using: &rng)
        return batch
    }

    /// The midpoint rule over `box` with cells of side at most `step`.
    static func integral(of f: (Double, Double) -> Double, over box: PlaneBox, step: Double) -> Double {
        let nx = Int((box.width / step).rounded(.up)), ny = Int((box.height / step).rounded(.up))
        let hx = box.width / Double(nx), hy = box.height / Double(ny)
        var total = 0.0
        for i in 0..<nx {
            let x = box.xMin + (Double(i) + 0.5) * hx
            for j in 0..<ny { total += f(x, box.yMin + (Double(j) + 0.5) * hy) }
        }
        return total * hx * hy
    }

    @Test func ringAndGridAreExactlyPacGANs() throws {
        let ring = try #require(PlaneTarget.ring.modes), grid = try #require(PlaneTarget.grid.modes)
        #expect(ring.count == 8 && grid.count == 25)
        for (k, mode) in ring.enumerated() {
            let angle = 2 * Double.pi * Double(k) / 8
            #expect(abs(mode.x - cos(angle)) < 1e-15 && abs(mode.y - sin(angle)) < 1e-15)
            #expect(mode.std == 0.01 && mode.weight == 0.125)
        }
        // Eight distinct means, at least 2 sin(pi / 8) = 0.765 apart.
        for a in ring.indices { for b in ring.indices where b > a {
            #expect(hypot(ring[a].x - ring[b].x, ring[a].y - ring[b].y) > 0.76)
        } }
        let steps: [Double] = [-4, -2, 0, 2, 4]
        let expected: [[Double]] = steps.flatMap { i in steps.map { j in [i, j] } }
        #expect(grid.map { [$0.x, $0.y] } == expected)
        #expect(grid.allSatisfy { $0.std == 0.05 && $0.weight == 0.04 })
        #expect(PlaneTarget.ring.bounds == PlaneBox(xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5))
        #expect(PlaneTarget.grid.bounds == PlaneBox(xMin: -6, xMax: 6, yMin: -6, yMax: 6))
        #expect(PlaneTarget.swissRoll.modes == nil)
    }

    @Test func specsReadBackAndBadSpecsSayWhy() throws {
        for spec in ["ring", "grid", "swiss-roll", " ring "] {
            let target = try PlaneTarget(spec: spec)
            #expect(target.spec == spec.trimmingCharacters(in: .whitespaces))
            #expect(try PlaneTarget(spec: target.spec) == target)
            let json = try JSONEncoder().encode(target)
            #expect(try JSONDecoder().decode(PlaneTarget.self, from: json) == target)
        }
        let cases = [("circle", "must be one of ring, grid, swiss-roll, points:PATH (got 'circle')"),
                     ("ring:8", "ring takes no parameters"), ("points:", "points: needs a path"),
                     ("gaussian:0,1", "must be one of"), ("", "must be one of")]
        for (spec, message) in cases {
            #expect { try PlaneTarget(spec: spec) } throws: { ($0 as? SettingProblem)?.reason.contains(message) == true }
        }
    }

    /// The planar layout: the first n values are the x's. Pairs (x_i, y_i)
    /// lie on the unit circle within 5 std of it; pairs (x_i, x_(i+1)), what
    /// an interleaved reader would take, do not.
    @Test func batchesArePlanarXsThenYs() {
        let n = 1000
        let batch = Self.draws(.ring, n: n)
        let onRing = (0..<n).filter { abs(hypot(Double(batch[$0]), Double(batch[n + $0])) - 1) < 0.05 }.count
        let interleaved = (0..<n / 2).filter { abs(hypot(Double(batch[2 * $0]), Double(batch[2 * $0 + 1])) - 1) < 0.05 }.count
        #expect(onRing == n)
        #expect(interleaved < n / 4)
        // Only the first 2n values are written.
        var longer = [Float](repeating: 7, count: 2 * n + 3)
        var rng = Xoshiro256StarStar(seed: 1)
        PlaneTarget.ring.fill(&longer, count: n, using: &rng)
        #expect(Array(longer.prefix(2 * n)) == batch && longer.suffix(3) == [7, 7, 7])
    }

    @Test func sameSeedSameBits() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-plane-\(UUID().uuidString).csv")
        try Data("x,y\n0,0\n1,2\n3,-1\n".utf8).write(to: dir)
        for target in [PlaneTarget.ring, .grid, .swissRoll, try PlaneTarget(spec: "points:\(dir.path)")] {
            let a = Self.draws(target, n: 777, seed: 42), b = Self.draws(target, n: 777, seed: 42)
            #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(target)")
            #expect(a != Self.draws(target, n: 777, seed: 43), "\(target)")
            #expect(a.allSatisfy { $0.isFinite })
        }
    }

    /// Each mixture's draws, 100,000, assigned to their nearest mode: the
    /// counts within 5 binomial std of n/K; the offsets from the mode's
    /// mean, pooled over the 2n coordinates, with mean within 5 s / sqrt(2n)
    /// of 0, variance within 5 s^2 sqrt(2 / 2n) of s^2 (the std of a
    /// normal sample variance), and the x-y covariance within 5 s^2 / sqrt(n) of 0.
    @Test func mixtureDrawsMatchTheirModes() throws {
        let n = 100_000
        for target in [PlaneTarget.ring, .grid] {
            let modes = try #require(target.modes)
            let batch = Self.draws(target, n: n, seed: 7)
            var counts = [Int](repeating: 0, count: modes.count)
            var sum = 0.0, sumSquares = 0.0, sumXY = 0.0
            for i in 0..<n {
                let x = Double(batch[i]), y = Double(batch[n + i])
                let k = modes.indices.min { modes[$0].standardizedDistance(x: x, y: y) < modes[$1].standardizedDistance(x: x, y: y) }!
                counts[k] += 1
                let dx = x - modes[k].x, dy = y - modes[k].y
                sum += dx + dy; sumSquares += dx * dx + dy * dy; sumXY += dx * dy
            }
            let s = modes[0].std, p = 1 / Double(modes.count)
            let countTolerance = 5 * (Double(n) * p * (1 - p)).squareRoot()
            #expect(counts.allSatisfy { abs(Double($0) - Double(n) * p) < countTolerance }, "\(target): \(counts)")
            #expect(abs(sum / Double(2 * n)) < 5 * s / Double(2 * n).squareRoot())
            #expect(abs(sumSquares / Double(2 * n) - s * s) < 5 * s * s * (2 / Double(2 * n)).squareRoot())
            #expect(abs(sumXY / Double(n)) < 5 * s * s / Double(n).squareRoot())
        }
    }

    /// The swiss roll's first and second moments against the script's
    /// formula integrated independently (midpoint rule over t, 10^6 nodes):
    /// E[x] = E[t cos t] / 7.5, E[x^2] = (E[t^2 cos^2 t] + 0.25^2) / 7.5^2,
    /// E[xy] = E[t^2 cos t sin t] / 7.5^2, ...; each sample moment within 5
    /// of its standard errors (its sample std / sqrt(n)), n = 200,000.
    @Test func swissRollDrawsMatchTheScriptsMoments() {
        let n = 200_000
        let batch = Self.draws(.swissRoll, n: n, seed: 3)
        let nodes = 1_000_000, a = 1.5 * Double.pi, b = 4.5 * Double.pi
        var exact = [Double](repeating: 0, count: 5)
        for k in 0..<nodes {
            let t = a + (Double(k) + 0.5) * (b - a) / Double(nodes)
            let (x, y) = (t * cos(t), t * sin(t))
            for (m, value) in [x, y, x * x + 0.0625, y * y + 0.0625, x * y].enumerated() { exact[m] += value }
        }
        let scales = [7.5, 7.5, 56.25, 56.25, 56.25]
        exact = exact.indices.map { exact[$0] / Double(nodes) / scales[$0] }
        #expect(abs(exact[0] - 2 / 7.5) < 1e-9)  // closed form: [t sin t + cos t] / (3 pi 7.5)
        let values: [(Int) -> Double] = [
            { Double(batch[$0]) }, { Double(batch[n + $0]) }, { Double(batch[$0]) * Double(batch[$0]) },
            { Double(batch[n + $0]) * Double(batch[n + $0]) }, { Double(batch[$0]) * Double(batch[n + $0]) },
        ]
        for (m, value) in values.enumerated() {
            let sample = (0..<n).map(value)
            let mean = sample.reduce(0, +) / Double(n)
            let std = (sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
            #expect(abs(mean - exact[m]) < 5 * std / Double(n).squareRoot(), "moment \(m): \(mean) vs \(exact[m])")
        }
    }

    /// Every density integrates to 1 over its bounds (midpoint rule, cells
    /// of half the smallest std: the rule's error on a Gaussian is of order
    /// e^(-2 pi^2 (std / cell)^2) = e^(-79)). What remains is the mass
    /// outside the bounds, whose margins are far beyond 5 std (ring 0.5 =
    /// 50 std, grid 2 = 40 std, roll 0.84 = 25 std): under 1e-6.
    @Test func densitiesIntegrateToOne() throws {
        let cases: [(PlaneTarget, Double)] = [(.ring, 0.005), (.grid, 0.025), (.swissRoll, 0.25 / 7.5 / 2)]
        for (target, step) in cases {
            let mass = Self.integral(of: target.density, over: target.bounds, step: step)
            #expect(abs(mass - 1) < 1e-6, "\(target): \(mass)")
        }
    }

    /// The roll's density (an integral along the curve) against its own
    /// draws: the share of 200,000 draws in each of 10 x 10 cells over the
    /// bounds within 5 binomial std (+1e-6) of the density's mass there.
    @Test func swissRollDensityMatchesItsDraws() {
        let n = 200_000, cells = 10
        let batch = Self.draws(.swissRoll, n: n, seed: 11)
        let box = PlaneTarget.swissRoll.bounds
        let shares = GridDivergence.histogram(planar: batch, bounds: box, cells: cells)
        #expect(shares[cells * cells] == 0)
        let w = box.width / Double(cells), h = box.height / Double(cells)
        for iy in 0..<cells {
            for ix in 0..<cells {
                let cell = PlaneBox(xMin: box.xMin + Double(ix) * w, xMax: box.xMin + Double(ix + 1) * w,
                                    yMin: box.yMin + Double(iy) * h, yMax: box.yMin + Double(iy + 1) * h)
                let p = Self.integral(of: PlaneTarget.swissRoll.density, over: cell, step: 0.25 / 7.5 / 2)
                let share = shares[iy * cells + ix]
                #expect(abs(share - p) < 5 * (p * (1 - p) / Double(n)).squareRoot() + 1e-6, "cell \(ix), \(iy): \(share) vs \(p)")
            }
        }
    }
}
