import Foundation
import Testing
import TinyGANCairo
import TinyGANPlot

/// A heatmap of tiles (the 2-D figures' densities and D) is one surface:
/// tiles of one colour leave no lighter seams between them.
@Suite struct TileSeamTests {
    /// 37 x 37 purple tiles over [0, 1]^2, at sizes that put their edges
    /// on fractional pixels: every pixel well inside the tiled square is
    /// the tiles' colour exactly (to 1/255), at scale 1 and 2.
    @Test(arguments: [1.0, 2.0])
    func uniformTilesShowNoSeams(_ scale: Double) throws {
        let n = 37, side = 1 / Double(n)
        let centers = (0..<n).flatMap { j in (0..<n).map { i in ((Double(i) + 0.5) * side, (Double(j) + 0.5) * side) } }
        let tiles = Series(kind: .tiles(width: side, height: side, colors: Array(repeating: .purple, count: n * n)),
                           xs: centers.map(\.0), ys: centers.map(\.1), stroke: Stroke(color: .white, width: 0))
        let figure = Figure(width: 437, height: 451, panels: [Panel(xRange: 0...1, yRange: 0...1, series: [tiles])])
        let scene = FigureLayout(metrics: try CairoTextMetrics()).scene(for: figure)
        var box = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        var fractional = 0
        for case .rectangle(let rect, _, let fill) in scene.items where fill == .purple {
            box = (min(box.minX, rect.x), min(box.minY, rect.y), max(box.maxX, rect.x + rect.width),
                   max(box.maxY, rect.y + rect.height))
            if rect.x != rect.x.rounded() || rect.width != rect.width.rounded() { fractional += 1 }
        }
        #expect(fractional == 0 && box.maxX - box.minX > 300)
        let image = try PNGImage(data: try CairoRenderer.png(scene, scale: scale))
        var off = 0
        for y in Int((box.minY + 2) * scale)..<Int((box.maxY - 2) * scale) {
            for x in Int((box.minX + 2) * scale)..<Int((box.maxX - 2) * scale) {
                let p = image.pixel(x: x, y: y), c = Color.purple
                if max(abs(p.red - c.red), abs(p.green - c.green), abs(p.blue - c.blue)) > 1.5 / 255 { off += 1 }
            }
        }
        #expect(off == 0, "\(off) pixels off the tiles' colour")
    }
}
