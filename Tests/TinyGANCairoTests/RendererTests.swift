import Foundation
import FoundationXML
import Testing
import TinyGANCairo
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// A panel with known ranges and a solid vermillion line at y = 4.
func referenceFigure() -> Figure {
    Figure(width: 400, height: 300, title: "Reference", panels: [
        Panel(xLabel: "x", yLabel: "y", xRange: 0...10, yRange: 0...8,
              series: [.line([0, 10], [4, 4], color: .vermillion, width: 3),
                       .points([5], [6], color: .blue, radius: 5)]),
    ])
}

func close(_ a: Color, _ b: Color, tolerance: Double = 0.08) -> Bool {
    abs(a.red - b.red) < tolerance && abs(a.green - b.green) < tolerance && abs(a.blue - b.blue) < tolerance
}

@Suite struct RendererTests {
    let layout = FigureLayout(metrics: try! CairoTextMetrics())

    /// The scene's item for the line at y = 4 and the point at (5, 6).
    func geometry(_ scene: Scene) -> (lineY: Double, lineX: ClosedRange<Double>, point: Point) {
        var lineY = 0.0, lineX = 0.0...0.0, point = Point(0, 0)
        for item in scene.items {
            if case .path(let points, _, let stroke?, _) = item, stroke.color == .vermillion {
                lineY = points[0].y
                lineX = points[0].x...points[1].x
            }
            if case .circle(let center, _, _) = item { point = center }
        }
        return (lineY, lineX, point)
    }

    @Test(arguments: [1.0, 2.0])
    func pngShowsTheDataWhereItBelongs(_ scale: Double) throws {
        let scene = layout.scene(for: referenceFigure())
        let image = try PNGImage(data: try CairoRenderer.png(scene, scale: scale))
        #expect(image.width == Int(400 * scale) && image.height == Int(300 * scale))
        let (y, xs, point) = geometry(scene)
        // The line's pixels are vermillion along its length, white well above it.
        for x in stride(from: xs.lowerBound + 5, to: xs.upperBound - 5, by: 17) {
            #expect(close(image.pixel(x: Int(x * scale), y: Int(y * scale)), .vermillion), "x \(x)")
            #expect(close(image.pixel(x: Int(x * scale), y: Int((y - 12) * scale)), .white), "x \(x)")
        }
        #expect(close(image.pixel(x: Int(point.x * scale), y: Int(point.y * scale)), .blue))
        // y = 4 is half-way up an axis from 0 to 8: between the ticks labelled 0 and 8.
        var zero = 0.0, eight = 0.0
        for item in scene.items {
            if case .text("0", let p, _, _, _, .right, _) = item { zero = p.y }
            if case .text("8", let p, _, _, _, .right, _) = item { eight = p.y }
        }
        #expect(abs(y - (zero + eight) / 2) < 1e-9)
    }

    @Test func svgParsesWithEveryTextAndSeries() throws {
        let scene = layout.scene(for: try ArticleFigures.quantiles(syntheticLog()))
        let svg = try CairoRenderer.svg(scene, idPrefix: "qq")
        let counter = SVGCounter()
        let parser = XMLParser(data: svg)
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.root == "svg" && counter.width == "580px")
        #expect(counter.textGroups == scene.textCount)
        // 199 percentile points and the legend's swatch, in the blue of the series.
        #expect(counter.bluePaths == 200)
        #expect(counter.ids.allSatisfy { $0.hasPrefix("qq-") })
    }

    /// Ids are unique per file and the same scene gives the same bytes,
    /// whatever Cairo's process-wide counters did in between.
    @Test func svgIdsAreStableAndDistinct() throws {
        let scene = layout.scene(for: referenceFigure())
        let first = try CairoRenderer.svg(scene, idPrefix: "a")
        _ = try CairoRenderer.svg(layout.scene(for: try ArticleFigures.moments(syntheticLog())), idPrefix: "x")
        #expect(try CairoRenderer.svg(scene, idPrefix: "a") == first)
        func ids(_ data: Data) -> Set<String> {
            let counter = SVGCounter()
            let parser = XMLParser(data: data)
            parser.delegate = counter
            _ = parser.parse()
            return Set(counter.ids)
        }
        let other = try CairoRenderer.svg(scene, idPrefix: "b")
        #expect(!ids(first).isEmpty && ids(first).isDisjoint(with: ids(other)))
    }

    /// Golden files: the reference figure and two article figures of a
    /// synthetic log, against PNGs made once (TINYGAN_UPDATE_GOLDEN=1 remakes
    /// them). At most 0.5% of pixels may differ by more than 10% in a
    /// channel: room for another Cairo or FreeType version's antialiasing,
    /// none for a moved line or label.
    @Test(arguments: ["reference", "distribution", "moments"])
    func goldenFiles(_ name: String) throws {
        let figure = switch name {
        case "reference": referenceFigure()
        case "distribution": try ArticleFigures.distribution(syntheticLog())
        default: try ArticleFigures.moments(syntheticLog())
        }
        let png = try CairoRenderer.png(layout.scene(for: figure))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/\(name).png")
        if ProcessInfo.processInfo.environment["TINYGAN_UPDATE_GOLDEN"] != nil { try png.write(to: golden) }
        let expected = try PNGImage(data: try Data(contentsOf: golden))
        let actual = try PNGImage(data: png)
        #expect(actual.width == expected.width && actual.height == expected.height)
        var differing = 0
        for y in 0..<actual.height {
            for x in 0..<actual.width where !close(actual.pixel(x: x, y: y), expected.pixel(x: x, y: y), tolerance: 0.1) {
                differing += 1
            }
        }
        #expect(Double(differing) < 0.005 * Double(actual.width * actual.height), "\(differing) pixels differ")
    }

    /// The renderer as the figure module sees it: a scene in, the format's
    /// bytes out, the same bytes as drawing directly.
    @Test func rendererGivesBytesPerFormat() throws {
        let renderer = try CairoRenderer()
        let scene = FigureLayout(metrics: renderer.textMetrics).scene(for: referenceFigure())
        let png = try renderer.data(for: scene, format: .png, scale: 2, idPrefix: "unused")
        let direct = try CairoRenderer.png(scene, scale: 2)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png == direct)
        let svg = try renderer.data(for: scene, format: .svg, scale: 2, idPrefix: "ref")
        #expect(try svg == CairoRenderer.svg(scene, idPrefix: "ref"))
        #expect(String(decoding: svg, as: UTF8.self).contains("id=\"ref-glyph-1\""))
    }

    /// Through the figure module's files: real PNG and SVG bytes, the PNG at
    /// the asked scale.
    @Test func writesAtomicallyInEachFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-render-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FigureFiles(renderer: try CairoRenderer(), formats: [.png, .svg], scale: 2)
        let outcome = try files.write([.distribution, .runs, .mapping], logs: [(source: "a", log: syntheticLog())], to: folder)
        #expect(outcome.written.map(\.lastPathComponent).sorted()
            == ["distribution.png", "distribution.svg", "mapping.png", "mapping.svg", "runs.png", "runs.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 6)
        #expect(try PNGImage(data: Data(contentsOf: folder.appendingPathComponent("runs.png"))).width == 1120)
    }
}

/// Counts what an SVG holds.
final class SVGCounter: NSObject, XMLParserDelegate {
    var root: String?
    var width: String?
    var textGroups = 0
    var bluePaths = 0
    var ids: [String] = []
    private var groupStack: [Bool] = []  // whether each open <g> is a text group candidate

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name; width = attributes["width"] }
        if let id = attributes["id"] { ids.append(id) }
        switch name {
        case "g": groupStack.append(false)
        case "use":
            if let last = groupStack.indices.last, !groupStack[last] {
                groupStack[last] = true
                textGroups += 1
            }
        case "path":
            if attributes["style"]?.contains("fill:rgb(0%,44.705882%,69.803922%)") == true { bluePaths += 1 }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { groupStack.removeLast() }
    }
}

/// The SVG's hover rectangles and their titles.
final class HoverReader: NSObject, XMLParserDelegate {
    var hovers: [(x: Double, y: Double, width: Double, height: Double, title: String)] = []
    private var current: (x: Double, y: Double, width: Double, height: Double)?
    private var inTitle = false, title = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "rect", attributes["fill-opacity"] == "0" {
            current = (Double(attributes["x"] ?? "") ?? .nan, Double(attributes["y"] ?? "") ?? .nan,
                       Double(attributes["width"] ?? "") ?? .nan, Double(attributes["height"] ?? "") ?? .nan)
        }
        if name == "title", current != nil { inTitle = true; title = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { title += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
        if name == "rect", let c = current { hovers.append((c.x, c.y, c.width, c.height, title)); current = nil }
    }
}

@Suite struct HoverTitleTests {
    let layout = FigureLayout(metrics: try! CairoTextMetrics())

    func hovers(_ svg: Data) throws -> [(x: Double, y: Double, width: Double, height: Double, title: String)] {
        let reader = HoverReader()
        let parser = XMLParser(data: svg)
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return reader.hovers
    }

    /// Every hover of the scene is in the SVG, at its pixels, with its text;
    /// the Q-Q figure's say each percentile's quantiles.
    @Test func svgHoldsTheScenesTitlesWhereTheyBelong() throws {
        let log = syntheticLog(shift: 0.25)
        let scene = layout.scene(for: try ArticleFigures.quantiles(log))
        let found = try hovers(try CairoRenderer.svg(scene, idPrefix: "qq"))
        #expect(found.count == 199 && found.count == scene.hovers.count)
        for (svg, expected) in zip(found, scene.hovers) {
            #expect(svg.title == expected.text)
            #expect(abs(svg.x - expected.rect.x) <= 0.005 && abs(svg.y - expected.rect.y) <= 0.005)
            #expect(abs(svg.width - expected.rect.width) <= 0.005 && abs(svg.height - expected.rect.height) <= 0.005)
        }
        // The median: target 4, generated 4.25 (the synthetic samples are the target's quantiles, shifted).
        let median = try #require(found.first { $0.title.hasPrefix("percentile 50:") })
        #expect(median.title == "percentile 50: target 4, generated 4.25")
        // The median's square is centred on its circle.
        let circles: [Point] = scene.items.compactMap { if case .circle(let c, 2.6, _) = $0 { c } else { nil } }
        let center = circles[99]
        #expect(abs(median.x + median.width / 2 - center.x) < 0.01 && abs(median.y + median.height / 2 - center.y) < 0.01)
    }

    /// Text that XML would misread is escaped, and reads back as it was.
    @Test func titlesAreEscaped() throws {
        let tricky = "a < b & \"c\" > 'd'"
        let figure = Figure(width: 200, height: 150, panels: [
            Panel(xRange: 0...1, yRange: 0...1, series: [Series.points([0.5], [0.5], color: .blue).hovering { _ in tricky }]),
        ])
        let found = try hovers(try CairoRenderer.svg(layout.scene(for: figure), idPrefix: "t"))
        #expect(found.map(\.title) == [tricky])
    }

    /// Hovers change nothing that is seen: the PNG is the same with and without them.
    @Test func pngIgnoresHovers() throws {
        let scene = layout.scene(for: try ArticleFigures.distribution(syntheticLog()))
        #expect(!scene.hovers.isEmpty)
        var bare = scene
        bare.items.removeAll { if case .hover = $0 { true } else { false } }
        #expect(try CairoRenderer.png(scene) == CairoRenderer.png(bare))
    }
}

/// The Dirac-GAN figure as files: the PNG shows each run's start and end
/// dots where the scene puts them, the SVG parses.
@Suite struct DiracFigureFileTests {
    @Test func pngAndSVGShowThePaths() throws {
        var s = DiracSettings()
        s.steps = 100
        s.noiseSamples = 16
        let log = DiracTraining.experiment(s, methods: Array(DiracMethod.standard.prefix(4)))
        let layout = FigureLayout(metrics: try CairoTextMetrics())
        let scene = layout.scene(for: DiracFigure.figure(log))
        let image = try PNGImage(data: try CairoRenderer.png(scene))
        var starts: [Point] = [], ends: [Point] = []
        for item in scene.items {
            if case .circle(let center, _, let fill) = item {
                if fill == .green { starts.append(center) }
                if fill == .vermillion { ends.append(center) }
            }
        }
        #expect(starts.count == 4 && ends.count == 4)
        // Each dot in its colour, but where the other lies on it (a path that came back).
        for (start, end) in zip(starts, ends) where hypot(start.x - end.x, start.y - end.y) > 10 {
            #expect(close(image.pixel(x: Int(start.x), y: Int(start.y)), .green))
            #expect(close(image.pixel(x: Int(end.x), y: Int(end.y)), .vermillion))
        }
        let svg = try CairoRenderer.svg(scene, idPrefix: "dirac")
        let counter = SVGCounter()
        let parser = XMLParser(data: svg)
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.root == "svg" && counter.textGroups > 20)
    }
}
