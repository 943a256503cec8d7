import CCairo
import Foundation
import TinyGANPlot

/// Paints a `Scene` onto a Cairo context: the drawing code PNG and SVG share.
struct ScenePainter {
    static let fontFamily = "DejaVu Sans"

    let context: CairoContext

    func paint(_ scene: Scene) throws {
        let cr = context.pointer
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY)
        setColor(scene.background)
        cairo_paint(cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        for item in scene.items { draw(item) }
        try context.check("drawing")
    }

    func setColor(_ c: Color) {
        cairo_set_source_rgba(context.pointer, c.red, c.green, c.blue, c.alpha)
    }

    func apply(_ stroke: Stroke) {
        let cr = context.pointer
        setColor(stroke.color)
        cairo_set_line_width(cr, stroke.width)
        stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    func fillAndStroke(fill: Color?, stroke: Stroke?) {
        let cr = context.pointer
        if let fill {
            setColor(fill)
            stroke == nil ? cairo_fill(cr) : cairo_fill_preserve(cr)
        }
        if let stroke {
            apply(stroke)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    func draw(_ item: Scene.Item) {
        let cr = context.pointer
        switch item {
        case .path(let points, let closed, let stroke, let fill):
            guard let first = points.first else { return }
            cairo_move_to(cr, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
            if closed { cairo_close_path(cr) }
            fillAndStroke(fill: fill, stroke: stroke)
        case .rectangle(let rect, let stroke, let fill):
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            fillAndStroke(fill: fill, stroke: stroke)
        case .circle(let center, let radius, let fill):
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            fillAndStroke(fill: fill, stroke: nil)
        case .text(let text, let position, let size, let weight, let color, let anchor, let angle):
            drawText(text, at: position, size: size, weight: weight, color: color, anchor: anchor, angle: angle)
        case .clip(let rect):
            cairo_save(cr)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cr)
        case .unclip:
            cairo_restore(cr)
        case .hover:
            break  // not drawn: Cairo has no <title>; `SVGHoverTitles` adds it to an SVG
        }
    }

    static func selectFont(_ cr: OpaquePointer, size: Double, weight: FontWeight) {
        cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL,
                               weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    func drawText(_ text: String, at position: Point, size: Double, weight: FontWeight, color: Color,
                  anchor: TextAnchor, angle: Double) {
        let cr = context.pointer
        Self.selectFont(cr, size: size, weight: weight)
        var textExtents = cairo_text_extents_t()
        var fontExtents = cairo_font_extents_t()
        cairo_text_extents(cr, text, &textExtents)
        cairo_font_extents(cr, &fontExtents)
        let width = textExtents.x_advance
        let dx: Double
        switch anchor {
        case .topLeft, .left, .bottomLeft: dx = 0
        case .top, .center, .bottom: dx = -width / 2
        case .topRight, .right, .bottomRight: dx = -width
        }
        let dy: Double
        switch anchor {
        case .topLeft, .top, .topRight: dy = fontExtents.ascent
        case .left, .center, .right: dy = (fontExtents.ascent - fontExtents.descent) / 2
        case .bottomLeft, .bottom, .bottomRight: dy = -fontExtents.descent
        }
        cairo_save(cr)
        cairo_translate(cr, position.x, position.y)
        cairo_rotate(cr, -angle)
        setColor(color)
        cairo_move_to(cr, dx, dy)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        cairo_restore(cr)
    }
}

/// Text widths as Cairo's toy API draws them, in DejaVu Sans.
public final class CairoTextMetrics: TextMetrics {
    let context: CairoContext

    public init() throws {
        let surface = try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1), "creating a text surface")
        context = try CairoContext(surface: surface)
    }

    public func width(of text: String, size: Double, weight: FontWeight) -> Double {
        ScenePainter.selectFont(context.pointer, size: size, weight: weight)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context.pointer, text, &extents)
        return extents.x_advance
    }
}
