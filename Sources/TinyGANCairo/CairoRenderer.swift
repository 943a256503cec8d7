import CCairo
import Foundation
import TinyGANPlot

/// Renders scenes to PNG or SVG bytes with Cairo: a scene in, bytes out.
/// The same `ScenePainter` draws both: PNG and SVG are two surfaces of one
/// drawing.
public struct CairoRenderer: SceneRendering {
    public let textMetrics: TextMetrics

    public init() throws { textMetrics = try CairoTextMetrics() }

    public func data(for scene: Scene, format: ImageFormat, scale: Double, idPrefix: String) throws -> Data {
        switch format {
        case .png: try Self.png(scene, scale: scale)
        case .svg: try Self.svg(scene, idPrefix: idPrefix)
        }
    }

    /// A PNG of the scene at `scale` device pixels per figure pixel (2 for
    /// sharp images on high-density screens).
    public static func png(_ scene: Scene, scale: Double = 1) throws -> Data {
        let width = Int32((scene.width * scale).rounded()), height = Int32((scene.height * scale).rounded())
        let surface = try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height),
                                       "creating a \(width)x\(height) image")
        let context = try CairoContext(surface: surface)
        cairo_scale(context.pointer, scale, scale)
        try ScenePainter(context: context).paint(scene)
        cairo_surface_flush(surface.pointer)
        let sink = ByteSink()
        try CairoError.check(cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, sink.closure),
                             "writing PNG")
        return sink.data
    }

    /// An SVG of the scene in pixel units. Cairo's element ids (glyphs,
    /// clips, surfaces) are renamed `IDPREFIX-glyph-1`, ... in order of first
    /// use, so that several SVGs can live in one HTML page and the same scene
    /// always gives the same bytes. The scene's hover areas become
    /// transparent rectangles with `<title>`s on top (`SVGHoverTitles`).
    public static func svg(_ scene: Scene, idPrefix: String) throws -> Data {
        let sink = ByteSink()
        let surface = try CairoSurface(
            cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, scene.width, scene.height),
            "creating an SVG surface")
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PX)
        do {
            let context = try CairoContext(surface: surface)
            try ScenePainter(context: context).paint(scene)
        }
        try surface.finish()
        let svg = SVGIdentifiers.renamed(String(decoding: sink.data, as: UTF8.self), prefix: idPrefix)
        return Data(SVGHoverTitles.adding(scene.hovers, to: svg).utf8)
    }
}
