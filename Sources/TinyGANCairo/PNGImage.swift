import CCairo
import Foundation
import TinyGANPlot

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
