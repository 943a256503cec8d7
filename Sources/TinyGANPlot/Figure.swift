/// A renderer-neutral figure: a grid of panels, each with axes and series
/// in data coordinates. `FigureLayout` turns it into a `Scene` in pixels.
public struct Figure: Sendable {
    /// Size in pixels at scale 1.
    public var width: Double
    public var height: Double
    public var title: String?
    /// Panels fill the grid row by row.
    public var columns: Int
    public var panels: [Panel]
    /// Give every panel the union of their x (or y) data ranges, where a
    /// panel has no range of its own.
    public var sharesX: Bool
    public var sharesY: Bool
    /// What the figure leaves out and why ("the warped noise grid: ..."):
    /// `FigureFiles` reports them with the figures it could not draw.
    public var notes: [String] = []

    public init(width: Double = 960, height: Double = 420, title: String? = nil, columns: Int = 1,
                panels: [Panel], sharesX: Bool = false, sharesY: Bool = false) {
        self.width = width; self.height = height; self.title = title; self.columns = max(1, columns)
        self.panels = panels; self.sharesX = sharesX; self.sharesY = sharesY
    }

    public var rows: Int { (panels.count + columns - 1) / columns }
}

/// One set of axes.
public struct Panel: Sendable {
    public var title: String?
    public var titleColor: Color
    public var xLabel: String?
    public var yLabel: String?
    /// Fixed ranges; nil means from the data (padded by 4%).
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var series: [Series]
    public var annotations: [Annotation]
    public var legend: LegendPlacement?
    /// A notice across the panel, such as "diverged".
    public var mark: String?
    /// Hide ticks, tick labels and grid (for a heatmap, whose cells carry labels).
    public var hidesTicks = false
    /// One unit of x as long on the page as one unit of y (the plot area
    /// shrunk and centred to fit): a map of the plane, where directions
    /// and shapes are drawn true.
    public var equalScales = false

    public init(title: String? = nil, titleColor: Color = .black, xLabel: String? = nil, yLabel: String? = nil,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, series: [Series] = [],
                annotations: [Annotation] = [], legend: LegendPlacement? = nil, mark: String? = nil) {
        self.title = title; self.titleColor = titleColor; self.xLabel = xLabel; self.yLabel = yLabel
        self.xRange = xRange; self.yRange = yRange; self.series = series; self.annotations = annotations
        self.legend = legend; self.mark = mark
    }
}

public enum LegendPlacement: Sendable { case topLeft, topRight, bottomRight }

/// Data drawn in a panel. Non-finite values are skipped (lines break there).
public struct Series: Sendable {
    public enum Kind: Sendable {
        case line
        case points(radius: Double)
        /// Bars from y = 0 up to each y, from x to x + width (a histogram:
        /// x holds the left edges).
        case bars(width: Double)
        /// A reference line across the panel at y = ys[0].
        case horizontalLine
        /// A reference line across the panel at x = xs[0].
        case verticalLine
        /// Rectangles of `width` x `height` centred at (xs[i], ys[i]), filled
        /// with `colors[i]`: the cells of a heatmap.
        case tiles(width: Double, height: Double, colors: [Color])
        /// Arrows from (xs[i], ys[i]) to (xs[i] + dx[i], ys[i] + dy[i]) in
        /// data units, each with a head of a few pixels (shorter for short
        /// arrows).
        case arrows(dx: [Double], dy: [Double])
    }

    public var kind: Kind
    public var xs: [Double]
    public var ys: [Double]
    public var stroke: Stroke
    /// Fill colour of bars and points.
    public var fill: Color?
    /// The legend entry; nil keeps the series out of the legend.
    public var label: String?
    /// What the pointer shows over each point, bar or tile (an SVG
    /// `<title>`); nil for none.
    public var hover: Hover?

    public init(kind: Kind, xs: [Double], ys: [Double], stroke: Stroke, fill: Color? = nil, label: String? = nil) {
        self.kind = kind; self.xs = xs; self.ys = ys; self.stroke = stroke; self.fill = fill; self.label = label
    }

    /// This series with `text(i)` shown over its point, bar or tile i.
    public func hovering(_ text: @escaping @Sendable (_ index: Int) -> String) -> Series {
        var copy = self
        copy.hover = Hover(text: text)
        return copy
    }

    /// This series with "X_NAME x: Y_NAME y" shown over each point.
    public func hovering(x xName: String, y yName: String) -> Series {
        let xs = xs, ys = ys
        return hovering { "\(xName) \(Hover.format(xs[$0])): \(yName) \(Hover.format(ys[$0]))" }
    }

    public static func line(_ xs: [Double], _ ys: [Double], color: Color, width: Double = 1.8,
                            dash: [Double] = [], label: String? = nil) -> Series {
        Series(kind: .line, xs: xs, ys: ys, stroke: Stroke(color: color, width: width, dash: dash), label: label)
    }

    public static func points(_ xs: [Double], _ ys: [Double], color: Color, radius: Double = 2.5,
                              label: String? = nil) -> Series {
        Series(kind: .points(radius: radius), xs: xs, ys: ys, stroke: Stroke(color: color), fill: color, label: label)
    }

    /// A histogram: bins starting at `edges` of `width`, heights `heights`.
    public static func bars(edges: [Double], heights: [Double], width: Double, color: Color,
                            label: String? = nil) -> Series {
        Series(kind: .bars(width: width), xs: edges, ys: heights, stroke: Stroke(color: color, width: 0.6),
               fill: color.opacity(0.45), label: label)
    }

    /// Arrows from (xs[i], ys[i]) along (dx[i], dy[i]), in data units.
    public static func arrows(_ xs: [Double], _ ys: [Double], dx: [Double], dy: [Double], color: Color,
                              width: Double = 1, label: String? = nil) -> Series {
        Series(kind: .arrows(dx: dx, dy: dy), xs: xs, ys: ys, stroke: Stroke(color: color, width: width), fill: color,
               label: label)
    }

    public static func horizontal(_ y: Double, color: Color = .black, dash: [Double] = [6, 4],
                                  label: String? = nil) -> Series {
        Series(kind: .horizontalLine, xs: [], ys: [y], stroke: Stroke(color: color, width: 1.4, dash: dash),
               label: label)
    }

    public static func vertical(_ x: Double, color: Color = .black, dash: [Double] = [6, 4],
                                label: String? = nil) -> Series {
        Series(kind: .verticalLine, xs: [x], ys: [], stroke: Stroke(color: color, width: 1.4, dash: dash),
               label: label)
    }
}

/// Text placed at data coordinates.
public struct Annotation: Sendable {
    public var text: String
    public var x: Double
    public var y: Double
    public var anchor: TextAnchor
    public var color: Color

    public init(_ text: String, x: Double, y: Double, anchor: TextAnchor = .bottomLeft, color: Color = .black) {
        self.text = text; self.x = x; self.y = y; self.anchor = anchor; self.color = color
    }
}

/// The text a pointer shows over a series' element: computed only for the
/// elements that get one (`FigureLayout` keeps at most
/// `FigureLayout.hoverLimit` a figure).
public struct Hover: Sendable {
    public var text: @Sendable (_ index: Int) -> String

    public init(text: @escaping @Sendable (_ index: Int) -> String) { self.text = text }

    /// A value for a hover text: an integer as such (an epoch, a count),
    /// anything else to 4 significant digits.
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e7 { return "\(Int(value))" }
        return value.isFinite ? String(format: "%.4g", value) : "\(value)"
    }
}
