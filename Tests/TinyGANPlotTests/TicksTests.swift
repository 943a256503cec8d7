import Foundation
import Testing
import TinyGANPlot

@Suite struct TicksTests {
    /// Ranges of every magnitude and sign, from a fixed generator.
    static let ranges: [ClosedRange<Double>] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        return (0..<2000).map { _ in
            let scale = pow(10, next() * 12 - 6)
            let a = (next() * 2 - 1) * scale * 10, width = scale * (0.01 + next() * 20)
            return a...(a + width)
        }
    }()

    /// Ticks lie inside the range, never exceed the maximum count, are
    /// evenly spaced by a 1-2-5 step, and have distinct labels.
    @Test func propertiesOverManyRanges() {
        for range in Self.ranges {
            for maximum in [3, 6, 10] {
                let ticks = Ticks.nice(range, maximumCount: maximum)
                #expect(!ticks.values.isEmpty && ticks.values.count <= maximum, "\(range) \(maximum)")
                let tolerance = ticks.step * 1e-9
                #expect(ticks.values.allSatisfy { $0 >= range.lowerBound - tolerance && $0 <= range.upperBound + tolerance })
                let exponent = log10(ticks.step).rounded(.down)
                let mantissa = ticks.step / pow(10, exponent)
                #expect([1.0, 2.0, 5.0].contains { abs(mantissa - $0) < 1e-9 }, "step \(ticks.step)")
                for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
                    #expect(abs(b - a - ticks.step) <= tolerance * 10)
                }
                #expect(Set(ticks.labels).count == ticks.labels.count, "\(ticks.labels)")
                // A range at least 2.5 steps wide gets at least two ticks.
                if range.upperBound - range.lowerBound >= 2.5 * ticks.step { #expect(ticks.values.count >= 2) }
            }
        }
    }

    @Test func labelsAreCleanNumbers() {
        #expect(Ticks.nice(0...1, maximumCount: 6).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(Ticks.nice(0...5000, maximumCount: 6).labels == ["0", "1000", "2000", "3000", "4000", "5000"])
        #expect(Ticks.nice(-0.3...0.3, maximumCount: 7).labels == ["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"])
    }

    /// In laid-out figures the x tick labels of every panel never overlap:
    /// many panel widths and ranges, with the approximate DejaVu metrics.
    @Test func tickLabelsNeverOverlapInLayouts() {
        let layout = FigureLayout(metrics: ApproximateTextMetrics())
        for (k, range) in Self.ranges.prefix(300).enumerated() {
            let width = 180.0 + Double(k % 7) * 120
            let figure = Figure(width: width, height: 300, panels: [
                Panel(xRange: range, yRange: range, series: [.line([range.lowerBound, range.upperBound], [0, 1], color: .blue)]),
            ])
            let scene = layout.scene(for: figure)
            var labels: [(x: Double, width: Double)] = []
            for item in scene.items {
                if case .text(let text, let position, let size, _, _, .top, _) = item, position.y > 40 {
                    labels.append((position.x, ApproximateTextMetrics().width(of: text, size: size, weight: .regular)))
                }
            }
            labels.sort { $0.x < $1.x }
            for (a, b) in zip(labels, labels.dropFirst()) {
                #expect(b.x - b.width / 2 >= a.x + a.width / 2, "overlap in \(range) at width \(width)")
            }
        }
    }
}
