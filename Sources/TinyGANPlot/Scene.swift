/// A figure laid out: what to draw, in pixels, in order. Renderers (PNG,
/// SVG) paint a scene; they never see the figure model.
public struct Scene: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var background: Color
    public var items: [Item]

    public init(width: Double, height: Double, background: Color = .white, items: [Item] = []) {
        self.width = width; self.height = height; self.background = background; self.items = items
    }

    public enum Item: Equatable, Sendable {
        /// A polyline (or polygon when `closed`), stroked and/or filled.
        case path(points: [Point], closed: Bool, stroke: Stroke?, fill: Color?)
        case rectangle(Rect, stroke: Stroke?, fill: Color?)
        case circle(center: Point, radius: Double, fill: Color)
        /// Text at `position`, placed by `anchor`, rotated by `angle` radians
        /// (counter-clockwise, about the anchor).
        case text(String, position: Point, size: Double, weight: FontWeight, color: Color, anchor: TextAnchor,
                  angle: Double)
        /// Nothing drawn: the area over which a pointer shows `text` (an SVG
        /// `<title>`); PNG ignores it.
        case hover(Rect, text: String)
        /// Clips the items that follow to `rect`, until `.unclip`.
        case clip(Rect)
        case unclip
    }

    /// The hover areas and their texts, in order.
    public var hovers: [(rect: Rect, text: String)] {
        items.compactMap { if case .hover(let rect, let text) = $0 { (rect, text) } else { nil } }
    }

    /// The number of text items: used by tests and by SVG checks.
    public var textCount: Int {
        items.reduce(0) { if case .text = $1 { $0 + 1 } else { $0 } }
    }
}
