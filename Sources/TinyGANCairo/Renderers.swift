import CCairo
import Foundation
import TinyGANCore
import TinyGANPlot

/// The output formats of a figure.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg
}

/// Renders scenes to PNG or SVG bytes and files. The same `ScenePainter`
/// draws both: PNG and SVG are two surfaces of one drawing.
public enum SceneRenderer {
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
    /// always gives the same bytes.
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
        return Data(SVGIdentifiers.renamed(String(decoding: sink.data, as: UTF8.self), prefix: idPrefix).utf8)
    }

    /// Writes the scene to `url` in `format`, atomically.
    public static func write(_ scene: Scene, format: ImageFormat, scale: Double = 1, to url: URL) throws {
        let data: Data
        switch format {
        case .png: data = try png(scene, scale: scale)
        case .svg: data = try svg(scene, idPrefix: SVGIdentifiers.prefix(for: url))
        }
        try AtomicFile.write(data, to: url)
    }
}

/// Makes Cairo's SVG ids unique per file and independent of Cairo's
/// process-wide counters.
enum SVGIdentifiers {
    static let reference = try! NSRegularExpression(pattern: ##"(id="|href="#|url\(#)([A-Za-z_][A-Za-z0-9_.-]*)"##)

    /// "figures/moments.svg" -> "moments".
    static func prefix(for url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent
        let cleaned = stem.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return cleaned.first?.isLetter == true ? String(cleaned) : "f" + String(cleaned)
    }

    static func renamed(_ svg: String, prefix: String) -> String {
        let text = svg as NSString
        var names: [String: String] = [:]
        var counts: [String: Int] = [:]
        var result = ""
        var last = 0
        for match in reference.matches(in: svg, range: NSRange(location: 0, length: text.length)) {
            let id = text.substring(with: match.range(at: 2))
            let name: String
            if let known = names[id] {
                name = known
            } else {
                let stem = String(id.prefix { $0.isLetter })
                counts[stem, default: 0] += 1
                name = "\(prefix)-\(stem)-\(counts[stem]!)"
                names[id] = name
            }
            result += text.substring(with: NSRange(location: last, length: match.range(at: 2).location - last))
            result += name
            last = match.range(at: 2).location + match.range(at: 2).length
        }
        result += text.substring(from: last)
        return result
    }
}

/// A decoded PNG: size and pixels, for checking what a figure shows.
public final class PNGImage {
    let surface: CairoSurface
    public let width: Int
    public let height: Int

    public init(data: Data) throws {
        final class Source { var data: Data; var offset = 0; init(_ d: Data) { data = d } }
        let source = Source(data)
        let read: cairo_read_func_t = { closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
            source.data.copyBytes(to: buffer, from: source.offset..<(source.offset + count))
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        surface = try withExtendedLifetime(source) {
            try CairoSurface(cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque()),
                             "reading PNG")
        }
        width = Int(cairo_image_surface_get_width(surface.pointer))
        height = Int(cairo_image_surface_get_height(surface.pointer))
    }

    /// The colour at pixel (x, y), un-premultiplied.
    public func pixel(x: Int, y: Int) -> Color {
        precondition(x >= 0 && x < width && y >= 0 && y < height)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let base = cairo_image_surface_get_data(surface.pointer)!
        let word = UnsafeRawPointer(base + y * stride + 4 * x).loadUnaligned(as: UInt32.self)
        let a = Double(word >> 24 & 0xFF) / 255
        guard a > 0 else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        return Color(red: Double(word >> 16 & 0xFF) / 255 / a, green: Double(word >> 8 & 0xFF) / 255 / a,
                     blue: Double(word & 0xFF) / 255 / a, alpha: a)
    }
}
