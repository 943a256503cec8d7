import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// Hover areas: where the layout puts them, what they say, how many.
@Suite struct HoverTests {
    let layout = FigureLayout(metrics: ApproximateTextMetrics())

    /// Each drawn bar of the distribution has one hover, over exactly its
    /// rectangle (or a 4-pixel strip for a bar lower than that), naming its
    /// bin and its density count / (n width).
    @Test func everyHistogramBarCarriesItsBinAndDensity() throws {
        let log = syntheticLog()
        let scene = layout.scene(for: try ArticleFigures.distribution(log))
        let bars: [Rect] = scene.items.compactMap {
            if case .rectangle(let rect, _, let fill?) = $0, fill == Color.blue.opacity(0.45), rect.height > 0 { rect } else { nil }
        }.filter { !($0.width == 20 && $0.height == 10) }  // not the legend's swatch
        let hovers = scene.hovers.filter { $0.text.hasPrefix("x in [") }
        #expect(!bars.isEmpty && hovers.count == bars.count)
        let h = try #require(log.final?.histogram)
        for (bar, hover) in zip(bars, hovers) {
            #expect(abs(hover.rect.minX - bar.minX) < 1e-9 && abs(hover.rect.maxX - bar.maxX) < 1e-9)
            #expect(abs(hover.rect.maxY - bar.maxY) < 1e-9 && abs(hover.rect.height - max(bar.height, 4)) < 1e-9)
            // "x in [LOW, HIGH): density D (N of 10000 samples)"
            let numbers = hover.text.split(whereSeparator: { " [),():".contains($0) }).compactMap { Double($0) }
            let (low, density, count) = (numbers[0], numbers[2], numbers[3])
            let k = Int(((low - h.lower) / h.binWidth).rounded())
            #expect(Int(count) == h.counts[k])
            let exact = Double(h.counts[k]) / (10_000 * h.binWidth)
            #expect(abs(density - exact) <= 1e-3 * exact, "\(hover.text)")
        }
    }

    /// A 5000-point curve keeps every k-th point's hover, k the same for all
    /// curves of the figure, at most `hoverLimit` (plus one per curve) in all;
    /// each sits on its point and says its epoch and value.
    @Test func longCurvesAreDecimatedToTheLimit() throws {
        let log = syntheticLog(epochs: 5000)
        let scene = layout.scene(for: try ArticleFigures.losses(log))
        let hovers = scene.hovers
        #expect(hovers.count <= FigureLayout.hoverLimit + 3 && hovers.count >= FigureLayout.hoverLimit - 3)
        let gLoss = hovers.filter { $0.text.contains(": G ") }
        #expect(gLoss.count > 50)
        for hover in gLoss {
            let parts = hover.text.split(separator: " ")
            let epoch = try #require(Int(parts[1].dropLast()))
            #expect(Double(String(parts.last!)) == Double(String(format: "%.4g", Double(log.epochs[epoch - 1].gLoss))))
        }
        let epochs = gLoss.map { Int($0.text.split(separator: " ")[1].dropLast())! }
        let steps = Set(zip(epochs, epochs.dropFirst()).map { $1 - $0 })
        #expect(steps.count == 1)
        // The point (epoch, G's loss 0.7) at the centre of each square, in x order.
        let centers = gLoss.map { $0.rect.x + $0.rect.width / 2 }
        #expect(zip(centers, centers.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(gLoss.map { ($0.rect.y + $0.rect.height / 2).rounded() }).count == 1)
    }

    @Test func figuresWithoutHoversHaveNone() {
        let figure = Figure(panels: [Panel(series: [.line([0, 1], [0, 1], color: .blue)])])
        #expect(layout.scene(for: figure).hovers.isEmpty)
    }
}
