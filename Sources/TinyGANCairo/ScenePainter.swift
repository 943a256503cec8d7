import CCairo
import Foundation
import TinyGANPlot

/// Paints a `Scene` onto a Cairo context: the drawing code PNG and SVG share.
struct ScenePainter {
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

    func drawText(_ text: String, at position: Point, size: Double, weight: FontWeight, color: Color,
                  anchor: TextAnchor, angle: Double) {
        let cr = context.pointer
        // Runs in the fonts that cover them, on the primary font's baseline.
        let runs = FontRuns(text, size: size, weight: weight, context: cr)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(cr, &fontExtents)
        let width = runs.width
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
        for run in runs.runs {
            FontRuns.select(run.family, size: size, weight: weight, cr)
            cairo_show_text(cr, run.text)  // moves the current point to the next run's start
        }
        cairo_new_path(cr)
        cairo_restore(cr)
    }
}

/// Text widths as Cairo's toy API draws them: DejaVu Sans, and for what it
/// lacks the fonts `FontRuns` falls back to.
public final class CairoTextMetrics: TextMetrics {
    let context: CairoContext

    public init() throws {
        let surface = try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1), "creating a text surface")
        context = try CairoContext(surface: surface)
    }

    public func width(of text: String, size: Double, weight: FontWeight) -> Double {
        FontRuns(text, size: size, weight: weight, context: context.pointer).width
    }
}
