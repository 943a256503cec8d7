import Foundation
import FoundationXML
import Testing
import TinyGANCairo
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// Chinese figures as Cairo draws them: with the CJK font that `.ci/setup`
/// installs (fonts-wqy-microhei), every character has a glyph.
@Suite struct ChineseFigureTests {
    let metrics = try! CairoTextMetrics()
    var layout: FigureLayout { FigureLayout(metrics: metrics) }

    /// No figure text of any language would be drawn as boxes.
    @Test(arguments: Language.allCases)
    func everyFigureTextHasGlyphs(_ language: Language) {
        for (key, text) in FigureStrings.table(language) {
            #expect(metrics.missingGlyphs(in: text).isEmpty, "\(language) \(key): \(metrics.missingGlyphs(in: text))")
        }
        // The check can fail: a character no font here has (a Linear B syllable).
        #expect(metrics.missingGlyphs(in: "a\u{10000}") == ["\u{10000}"])
    }

    /// The plot rectangles of a scene (where its data is clipped).
    func plots(_ scene: Scene) -> [Rect] {
        scene.items.compactMap { if case .clip(let rect) = $0 { rect } else { nil } }
    }

    /// The legends' boxes (the only rectangles stroked in legend grey).
    func legends(_ scene: Scene) -> [Rect] {
        scene.items.compactMap {
            if case .rectangle(let rect, let stroke?, _) = $0, stroke.color == Color(hex: 0xBBBBBB) { rect } else { nil }
        }
    }

    /// The same log's moments figure in English and in Chinese: the panels
    /// sit at the same place; the title band differs; inside the plots, all
    /// but the legends is the same, pixel for pixel.
    @Test func chinesePNGDiffersWhereTheTextIs() throws {
        let log = syntheticLog()
        let en = layout.scene(for: try ArticleFigures.moments(log))
        let zh = layout.scene(for: try ArticleFigures.moments(log, FigureStrings(.zh)))
        #expect(plots(en) == plots(zh) && plots(en).count == 2)
        let a = try PNGImage(data: try CairoRenderer.png(en)), b = try PNGImage(data: try CairoRenderer.png(zh))
        #expect(a.width == b.width && a.height == b.height)
        func differing(_ xs: Range<Int>, _ ys: Range<Int>, skipping boxes: [Rect] = []) -> Int {
            var count = 0
            for y in ys {
                for x in xs where a.pixel(x: x, y: y) != b.pixel(x: x, y: y) {
                    let inBox = boxes.contains { Double(x) >= $0.minX - 2 && Double(x) <= $0.maxX + 2
                        && Double(y) >= $0.minY - 2 && Double(y) <= $0.maxY + 2 }
                    if !inBox { count += 1 }
                }
            }
            return count
        }
        let titleBand = Int(FigureLayout.Style.padding + FigureLayout.Style.titleSize * 1.5)
        #expect(differing(0..<a.width, 0..<titleBand) > 200)
        let boxes = legends(en) + legends(zh)
        #expect(boxes.count == 4)
        for plot in plots(en) {
            let xs = Int(plot.minX.rounded(.up))..<Int(plot.maxX.rounded(.down))
            let ys = Int(plot.minY.rounded(.up))..<Int(plot.maxY.rounded(.down))
            #expect(differing(xs, ys, skipping: boxes) == 0, "plot at \(plot)")
            #expect(differing(xs, ys) > 0, "the legends differ")
        }
    }

    /// The `d` of every glyph outline Cairo put into an SVG.
    func glyphOutlines(_ svg: Data) -> Set<String> {
        let text = String(decoding: svg, as: UTF8.self)
        return Set(text.matches(of: #/<symbol[^>]*id="[^"]*glyph[^"]*"[^>]*>\s*<path[^>]*\bd="([^"]+)"/#)
            .map { String($0.output.1) })
    }

    /// The Chinese SVG parses, and holds the outlines of its Chinese title's
    /// glyphs (drawn alone, at the same size), which the English one lacks.
    @Test func chineseSVGHoldsTheTitleGlyphs() throws {
        let log = syntheticLog()
        let zh = layout.scene(for: try ArticleFigures.distribution(log, FigureStrings(.zh)))
        let svg = try CairoRenderer.svg(zh, idPrefix: "zh")
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        guard case .text(let title, _, _, _, _, _, _)? = zh.items.first(where: { if case .text = $0 { true } else { false } })
        else { Issue.record("no title"); return }
        #expect(title.hasPrefix("最终分布"))
        let titleAlone = Scene(width: zh.width, height: zh.height, items: Array(zh.items.prefix(1)))
        let titleGlyphs = glyphOutlines(try CairoRenderer.svg(titleAlone, idPrefix: "t"))
        let english = glyphOutlines(try CairoRenderer.svg(layout.scene(for: try ArticleFigures.distribution(log)), idPrefix: "en"))
        #expect(titleGlyphs.count >= Set(title.filter { $0 != " " }).count)  // and Cairo's missing-glyph box, always defined
        #expect(titleGlyphs.isSubset(of: glyphOutlines(svg)))
        #expect(titleGlyphs.subtracting(english).count >= 4, "the four Chinese characters of 最终分布")
    }
}
