import Foundation
import FoundationXML
import Testing
import TinyGANCairo
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// The grid of 2-D runs through Cairo: files that a browser and an image
/// viewer read, and every panel with G's points in it.
@Suite struct PlaneSweepFileTests {
    @Test func samplesGridIsAReadableSVGAndPNGWithPointsInEveryPanel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-plane-sweep-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = try (1...3).map { try shortRingLog(seed: UInt64($0)) }
        let renderer = try CairoRenderer()
        let written = try FigureFiles(renderer: renderer, formats: [.png, .svg]).writePlaneSweep(logs: logs, to: folder)
        #expect(written.map(\.lastPathComponent) == ["samples-grid.png", "samples-grid.svg"])
        let figure = try PlaneFigures.sweepGrid(logs: logs)
        let counter = SVGCounter()
        let parser = XMLParser(data: try Data(contentsOf: written[1]))
        parser.delegate = counter
        #expect(parser.parse() && counter.root == "svg" && counter.width == "\(Int(figure.width))px")

        let image = try PNGImage(data: try Data(contentsOf: written[0]))
        #expect(image.width == Int(figure.width) && image.height == Int(figure.height))
        let frames = FigureLayout(metrics: renderer.textMetrics).scene(for: figure).items.compactMap { item -> Rect? in
            if case .rectangle(let rect, let stroke?, nil) = item, stroke.color == FigureLayout.Style.axisColor { rect } else { nil }
        }
        #expect(frames.count == 3)
        for frame in frames {
            // G's points: vermillion over white or light blue, red well above green and blue.
            var reddish = 0
            for y in Int(frame.minY) + 2..<Int(frame.maxY) - 2 {
                for x in Int(frame.minX) + 2..<Int(frame.maxX) - 2 {
                    let c = image.pixel(x: x, y: y)
                    if c.red > c.green + 0.2 && c.red > c.blue + 0.3 { reddish += 1 }
                }
            }
            #expect(reddish > 50, "\(frame): \(reddish) reddish pixels")
        }
    }
}
