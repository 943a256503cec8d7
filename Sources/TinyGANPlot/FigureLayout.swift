/// Lays a `Figure` out into a `Scene`: panel cells, margins that fit the
/// labels, nice ticks whose labels do not overlap, grid lines, clipped data,
/// legends and marks.
public struct FigureLayout {
    public let metrics: TextMetrics

    /// Text sizes in pixels and spacing, the house style.
    public enum Style {
        public static let titleSize = 17.0
        public static let panelTitleSize = 13.5
        public static let labelSize = 12.5
        public static let tickSize = 11.5
        public static let legendSize = 11.5
        public static let markSize = 18.0
        public static let padding = 10.0
        public static let tickLength = 4.0
        public static let gridColor = Color(hex: 0xE6E6E6)
        public static let axisColor = Color(hex: 0x444444)
    }

    public init(metrics: TextMetrics) { self.metrics = metrics }

    /// Hover areas per figure: a series with more elements than its share
    /// keeps every k-th, k the same for the whole figure, so that a figure
    /// has at most `hoverLimit` plus one per hovering series, and an SVG
    /// stays small however long the run.
    public static let hoverLimit = 300

    public func scene(for figure: Figure) -> Scene {
        var scene = Scene(width: figure.width, height: figure.height)
        var top = Style.padding
        if let title = figure.title {
            let size = fitted(title, size: Style.titleSize, weight: .bold, width: figure.width - 2 * Style.padding)
            scene.items.append(.text(title, position: Point(figure.width / 2, top), size: size,
                                     weight: .bold, color: .black, anchor: .top, angle: 0))
            top += Style.titleSize * 1.5
        }
        let (sharedX, sharedY) = sharedRanges(figure)
        let hoverStride = Self.hoverStride(figure)
        let cellWidth = (figure.width - Style.padding) / Double(figure.columns)
        let cellHeight = (figure.height - top - Style.padding / 2) / Double(max(figure.rows, 1))
        for (index, panel) in figure.panels.enumerated() {
            let column = index % figure.columns, row = index / figure.columns
            let cell = Rect(x: Style.padding / 2 + Double(column) * cellWidth, y: top + Double(row) * cellHeight,
                            width: cellWidth, height: cellHeight)
            let x = panel.xRange ?? sharedX ?? dataRange(panel, axis: .x)
            let y = panel.yRange ?? sharedY ?? dataRange(panel, axis: .y)
            draw(panel, in: cell, xRange: x, yRange: y, hoverStride: hoverStride, into: &scene)
        }
        return scene
    }

    /// `size`, or smaller (down to 60% of it) so that `text` fits in `width`.
    func fitted(_ text: String, size: Double, weight: FontWeight, width: Double) -> Double {
        let natural = metrics.width(of: text, size: size, weight: weight)
        return natural <= width ? size : max(size * 0.6, size * width / natural)
    }

    // MARK: Ranges

    enum Axis { case x, y }

    /// The finite data extent of a panel, padded by 4% (bars include 0).
    func dataRange(_ panel: Panel, axis: Axis) -> ClosedRange<Double> {
        var lower = Double.infinity, upper = -Double.infinity
        func include(_ v: Double) { if v.isFinite { lower = min(lower, v); upper = max(upper, v) } }
        for series in panel.series {
            switch (series.kind, axis) {
            case (.horizontalLine, .x), (.verticalLine, .y): continue
            case (.bars(let width), .x): series.xs.forEach { include($0); include($0 + width) }
            case (.tiles(let width, _, _), .x): series.xs.forEach { include($0 - width / 2); include($0 + width / 2) }
            case (.tiles(_, let height, _), .y): series.ys.forEach { include($0 - height / 2); include($0 + height / 2) }
            case (.bars, .y): include(0); series.ys.forEach(include)
            case (.arrows(let dx, _), .x): series.xs.forEach(include); zip(series.xs, dx).forEach { include($0 + $1) }
            case (.arrows(_, let dy), .y): series.ys.forEach(include); zip(series.ys, dy).forEach { include($0 + $1) }
            case (_, .x): series.xs.forEach(include)
            case (_, .y): series.ys.forEach(include)
            }
        }
        guard lower <= upper else { return 0...1 }
        if lower == upper { return (lower - 1)...(upper + 1) }
        let pad = (upper - lower) * 0.04
        let padLower = axis == .y && lower == 0 && panel.series.contains { if case .bars = $0.kind { true } else { false } }
        return (padLower ? lower : lower - pad)...(upper + pad)
    }

    func sharedRanges(_ figure: Figure) -> (ClosedRange<Double>?, ClosedRange<Double>?) {
        func union(_ axis: Axis) -> ClosedRange<Double>? {
            let ranges = figure.panels.map { dataRange($0, axis: axis) }
            guard let first = ranges.first else { return nil }
            return ranges.dropFirst().reduce(first) { min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound) }
        }
        return (figure.sharesX ? union(.x) : nil, figure.sharesY ? union(.y) : nil)
    }

    // MARK: Panels

    func draw(_ panel: Panel, in cell: Rect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
              hoverStride: Int = 1, into scene: inout Scene) {
        var top = Style.padding / 2
        if let title = panel.title {
            let size = fitted(title, size: Style.panelTitleSize, weight: .bold, width: cell.width - Style.padding)
            scene.items.append(.text(title, position: Point(cell.x + cell.width / 2, cell.y + top),
                                     size: size, weight: .bold, color: panel.titleColor,
                                     anchor: .top, angle: 0))
            top += Style.panelTitleSize * 1.45
        }
        let bottom = Style.tickSize * 1.6 + (panel.xLabel == nil ? 4 : Style.labelSize * 1.6)
        // y ticks first (they set the left margin), with a provisional height.
        let provisionalHeight = cell.height - top - bottom
        let yTicks = Ticks.nice(yRange, maximumCount: max(2, Int(provisionalHeight / 28))) { set in
            let scale = LinearScale(domain: yRange, range: (provisionalHeight, 0))
            return Ticks.labelsSeparate(positions: set.values.map { scale($0) },
                                        extents: set.values.map { _ in Style.tickSize }, gap: 6)
        }
        let labelWidth = yTicks.labels.map { metrics.width(of: $0, size: Style.tickSize, weight: .regular) }.max() ?? 0
        let left = labelWidth + Style.tickLength + 6 + (panel.yLabel == nil ? 0 : Style.labelSize * 1.6)
        var plot = cell.inset(top: top, left: left, bottom: bottom, right: Style.padding)
        if panel.equalScales { plot = Self.equalScales(plot, xSpan: xRange.upperBound - xRange.lowerBound,
                                                       ySpan: yRange.upperBound - yRange.lowerBound) }
        let xScale = LinearScale(domain: xRange, range: (plot.minX, plot.maxX))
        let yScale = LinearScale(domain: yRange, range: (plot.maxY, plot.minY))
        let xTicks = Ticks.nice(xRange, maximumCount: max(2, Int(plot.width / 45))) { set in
            Ticks.labelsSeparate(positions: set.values.map { xScale($0) },
                                 extents: set.labels.map { metrics.width(of: $0, size: Style.tickSize, weight: .regular) },
                                 gap: 8)
        }
        if !panel.hidesTicks {
            drawAxes(plot: plot, xTicks: xTicks, yTicks: yTicks, xScale: xScale, yScale: yScale, into: &scene)
        }
        if let label = panel.xLabel {
            scene.items.append(.text(label, position: Point(plot.x + plot.width / 2, cell.maxY - 2),
                                     size: Style.labelSize, weight: .regular, color: .black, anchor: .bottom, angle: 0))
        }
        if let label = panel.yLabel {
            scene.items.append(.text(label, position: Point(cell.x + 2, plot.y + plot.height / 2),
                                     size: Style.labelSize, weight: .regular, color: .black, anchor: .top,
                                     angle: Double.pi / 2))
        }
        scene.items.append(.clip(plot))
        for series in panel.series { draw(series, plot: plot, xScale: xScale, yScale: yScale, into: &scene) }
        for note in panel.annotations {
            scene.items.append(.text(note.text, position: Point(xScale(note.x), yScale(note.y)), size: Style.legendSize,
                                     weight: .regular, color: note.color, anchor: note.anchor, angle: 0))
        }
        scene.items.append(.unclip)
        for series in panel.series {
            guard let hover = series.hover else { continue }
            for (ordinal, area) in hoverAreas(series, plot: plot, xScale: xScale, yScale: yScale).enumerated()
            where ordinal % hoverStride == 0 {
                scene.items.append(.hover(area.rect, text: hover.text(area.index)))
            }
        }
        scene.items.append(.rectangle(plot, stroke: Stroke(color: Style.axisColor, width: 1), fill: nil))
        if let placement = panel.legend { drawLegend(panel.series, placement: placement, plot: plot, into: &scene) }
        if let mark = panel.mark {
            let center = Point(plot.x + plot.width / 2, plot.y + plot.height / 2)
            let size = fitted(mark, size: Style.markSize, weight: .bold, width: plot.width - 24)
            let width = metrics.width(of: mark, size: size, weight: .bold) + 16
            scene.items.append(.rectangle(Rect(x: center.x - width / 2, y: center.y - size,
                                               width: width, height: size * 2),
                                          stroke: Stroke(color: .vermillion, width: 1.5), fill: Color.white.opacity(0.85)))
            scene.items.append(.text(mark, position: center, size: size, weight: .bold,
                                     color: .vermillion, anchor: .center, angle: 0))
        }
    }

    /// The largest rectangle centred in `plot` in which a unit of x and a
    /// unit of y are equally long: `xSpan` by `ySpan` data units at one
    /// scale, min(width / xSpan, height / ySpan) pixels a unit.
    static func equalScales(_ plot: Rect, xSpan: Double, ySpan: Double) -> Rect {
        guard xSpan > 0, ySpan > 0 else { return plot }
        let unit = min(plot.width / xSpan, plot.height / ySpan)
        let width = unit * xSpan, height = unit * ySpan
        return Rect(x: plot.x + (plot.width - width) / 2, y: plot.y + (plot.height - height) / 2,
                    width: width, height: height)
    }

    func drawAxes(plot: Rect, xTicks: Ticks.Set, yTicks: Ticks.Set, xScale: LinearScale, yScale: LinearScale,
                  into scene: inout Scene) {
        let grid = Stroke(color: Style.gridColor, width: 1)
        let tick = Stroke(color: Style.axisColor, width: 1)
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let x = xScale(value)
            scene.items.append(.path(points: [Point(x, plot.minY), Point(x, plot.maxY)], closed: false, stroke: grid, fill: nil))
            scene.items.append(.path(points: [Point(x, plot.maxY), Point(x, plot.maxY + Style.tickLength)], closed: false,
                                     stroke: tick, fill: nil))
            scene.items.append(.text(label, position: Point(x, plot.maxY + Style.tickLength + 2), size: Style.tickSize,
                                     weight: .regular, color: Style.axisColor, anchor: .top, angle: 0))
        }
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let y = yScale(value)
            scene.items.append(.path(points: [Point(plot.minX, y), Point(plot.maxX, y)], closed: false, stroke: grid, fill: nil))
            scene.items.append(.path(points: [Point(plot.minX - Style.tickLength, y), Point(plot.minX, y)], closed: false,
                                     stroke: tick, fill: nil))
            scene.items.append(.text(label, position: Point(plot.minX - Style.tickLength - 3, y), size: Style.tickSize,
                                     weight: .regular, color: Style.axisColor, anchor: .right, angle: 0))
        }
    }

    func draw(_ series: Series, plot: Rect, xScale: LinearScale, yScale: LinearScale, into scene: inout Scene) {
        switch series.kind {
        case .line:
            for run in finiteRuns(series) {
                let points = Self.decimated(run.map { Point(xScale(series.xs[$0]), yScale(series.ys[$0])) })
                scene.items.append(.path(points: points, closed: false, stroke: series.stroke, fill: nil))
            }
        case .points(let radius):
            for i in series.xs.indices where series.xs[i].isFinite && series.ys[i].isFinite {
                scene.items.append(.circle(center: Point(xScale(series.xs[i]), yScale(series.ys[i])), radius: radius,
                                           fill: series.fill ?? series.stroke.color))
            }
        case .bars(let width):
            let base = yScale(0)
            for i in series.xs.indices where series.xs[i].isFinite && series.ys[i].isFinite && series.ys[i] != 0 {
                let left = xScale(series.xs[i]), right = xScale(series.xs[i] + width), top = yScale(series.ys[i])
                scene.items.append(.rectangle(Rect(x: left, y: min(top, base), width: right - left,
                                                   height: abs(base - top)),
                                              stroke: series.stroke, fill: series.fill))
            }
        case .tiles(let width, let height, let colors):
            for i in series.xs.indices where i < colors.count {
                // Edges on whole pixels: neighbours then share each edge
                // exactly, and anti-aliasing draws no light seams between them.
                let left = xScale(series.xs[i] - width / 2).rounded(), right = xScale(series.xs[i] + width / 2).rounded()
                let top = yScale(series.ys[i] + height / 2).rounded(), bottom = yScale(series.ys[i] - height / 2).rounded()
                // Outlined 1 px in the series' colour, or not at all for a stroke of width 0.
                let outline = series.stroke.width > 0 ? Stroke(color: series.stroke.color, width: 1) : nil
                scene.items.append(.rectangle(Rect(x: left, y: top, width: right - left, height: bottom - top),
                                              stroke: outline, fill: colors[i]))
            }
        case .arrows(let dx, let dy):
            for i in series.xs.indices where i < dx.count && i < dy.count {
                let base = Point(xScale(series.xs[i]), yScale(series.ys[i]))
                let tip = Point(xScale(series.xs[i] + dx[i]), yScale(series.ys[i] + dy[i]))
                scene.items += Self.arrow(from: base, to: tip, stroke: series.stroke, head: series.fill ?? series.stroke.color)
            }
        case .horizontalLine:
            guard let y = series.ys.first, y.isFinite else { return }
            scene.items.append(.path(points: [Point(plot.minX, yScale(y)), Point(plot.maxX, yScale(y))], closed: false,
                                     stroke: series.stroke, fill: nil))
        case .verticalLine:
            guard let x = series.xs.first, x.isFinite else { return }
            scene.items.append(.path(points: [Point(xScale(x), plot.minY), Point(xScale(x), plot.maxY)], closed: false,
                                     stroke: series.stroke, fill: nil))
        }
    }

    /// An arrow in pixels: the shaft from `base` to `tip` and a filled head
    /// at `tip`, 6 px long (at most 40% of the arrow) and as wide as it is
    /// long; nothing for a non-finite or zero-length arrow.
    static func arrow(from base: Point, to tip: Point, stroke: Stroke, head color: Color) -> [Scene.Item] {
        let dx = tip.x - base.x, dy = tip.y - base.y, length = (dx * dx + dy * dy).squareRoot()
        guard length.isFinite, length > 0 else { return [] }
        let (ux, uy) = (dx / length, dy / length), head = min(6, 0.4 * length)
        let back = Point(tip.x - head * ux, tip.y - head * uy)
        return [
            .path(points: [base, back], closed: false, stroke: stroke, fill: nil),
            .path(points: [tip, Point(back.x - head / 2 * uy, back.y + head / 2 * ux),
                           Point(back.x + head / 2 * uy, back.y - head / 2 * ux)],
                  closed: true, stroke: nil, fill: color),
        ]
    }

    // MARK: Hover areas

    /// The indices of a series' elements that can carry a hover: finite
    /// points and tiles, and bars that are drawn (finite, not 0).
    static func hoverable(_ series: Series) -> [Int] {
        let indices = Array(0..<min(series.xs.count, series.ys.count))
        switch series.kind {
        case .horizontalLine, .verticalLine, .arrows: return []
        case .tiles(_, _, let colors): return indices.filter { $0 < colors.count }
        case .bars: return indices.filter { series.xs[$0].isFinite && series.ys[$0].isFinite && series.ys[$0] != 0 }
        case .line, .points: return indices.filter { series.xs[$0].isFinite && series.ys[$0].isFinite }
        }
    }

    /// The least k such that every k-th hoverable element of each hovering
    /// series makes at most `hoverLimit` in all (plus one per series).
    static func hoverStride(_ figure: Figure) -> Int {
        let total = figure.panels.flatMap(\.series).filter { $0.hover != nil }.map { hoverable($0).count }.reduce(0, +)
        return max(1, (total + hoverLimit - 1) / hoverLimit)
    }

    /// Where each hoverable element of `series` sits in pixels: a bar's or
    /// a tile's rectangle (within the plot; a bar at least 4 px high, so it
    /// can be pointed at), a square of at least 8 px about a point of a
    /// line or a scatter. Elements outside the plot have none.
    func hoverAreas(_ series: Series, plot: Rect, xScale: LinearScale, yScale: LinearScale) -> [(index: Int, rect: Rect)] {
        Self.hoverable(series).compactMap { i -> (index: Int, rect: Rect)? in
            let x = series.xs[i], y = series.ys[i]
            let rect: Rect
            switch series.kind {
            case .bars(let width):
                let left = max(plot.minX, xScale(x)), right = min(plot.maxX, xScale(x + width))
                let base = min(plot.maxY, max(plot.minY, yScale(0)))
                let top = min(plot.maxY, max(plot.minY, yScale(y)))
                var low = min(top, base), high = max(top, base)
                if high - low < 4 { low = max(plot.minY, high - 4); high = low + 4 }
                rect = Rect(x: left, y: low, width: right - left, height: high - low)
            case .tiles(let width, let height, _):
                let left = xScale(x - width / 2), right = xScale(x + width / 2)
                let top = yScale(y + height / 2), bottom = yScale(y - height / 2)
                rect = Rect(x: left, y: top, width: right - left, height: bottom - top)
            case .points(let radius):
                let center = Point(xScale(x), yScale(y)), side = max(8, 2 * radius + 2)
                guard plot.contains(center) else { return nil }
                rect = Rect(x: center.x - side / 2, y: center.y - side / 2, width: side, height: side)
            default:
                let center = Point(xScale(x), yScale(y))
                guard plot.contains(center) else { return nil }
                rect = Rect(x: center.x - 4, y: center.y - 4, width: 8, height: 8)
            }
            return rect.width > 0 && rect.height > 0 ? (i, rect) : nil
        }
    }

    /// A polyline with more than two points per pixel column, reduced to the
    /// first, lowest, highest and last point of each column (in x order):
    /// the same picture at this resolution, with a fraction of the points.
    static func decimated(_ points: [Point]) -> [Point] {
        guard let first = points.first, let last = points.last, points.count > 2 * Int(abs(last.x - first.x) + 1)
        else { return points }
        var result: [Point] = []
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start, low = start, high = start
            while end + 1 < points.count && points[end + 1].x.rounded(.down) == column {
                end += 1
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
            }
            for index in Set([start, low, high, end]).sorted() { result.append(points[index]) }
            start = end + 1
        }
        return result
    }

    /// Index runs of consecutive finite points.
    func finiteRuns(_ series: Series) -> [[Int]] {
        var runs: [[Int]] = [], current: [Int] = []
        for i in 0..<min(series.xs.count, series.ys.count) {
            if series.xs[i].isFinite && series.ys[i].isFinite {
                current.append(i)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    func drawLegend(_ series: [Series], placement: LegendPlacement, plot: Rect, into scene: inout Scene) {
        let entries = series.filter { $0.label != nil }
        guard !entries.isEmpty else { return }
        let lineHeight = Style.legendSize * 1.45, swatch = 20.0
        let textWidth = entries.map { metrics.width(of: $0.label!, size: Style.legendSize, weight: .regular) }.max()!
        let width = swatch + 14 + textWidth, height = lineHeight * Double(entries.count) + 8
        let x: Double = placement == .topLeft ? plot.minX + 8 : plot.maxX - width - 8
        let y: Double = placement == .bottomRight ? plot.maxY - height - 8 : plot.minY + 8
        scene.items.append(.rectangle(Rect(x: x, y: y, width: width, height: height),
                                      stroke: Stroke(color: Color(hex: 0xBBBBBB), width: 0.8),
                                      fill: Color.white.opacity(0.88)))
        for (k, entry) in entries.enumerated() {
            let midY = y + 4 + lineHeight * (Double(k) + 0.5)
            switch entry.kind {
            case .bars:
                scene.items.append(.rectangle(Rect(x: x + 5, y: midY - 5, width: swatch, height: 10),
                                              stroke: entry.stroke, fill: entry.fill))
            case .points(let radius):
                scene.items.append(.circle(center: Point(x + 5 + swatch / 2, midY), radius: radius,
                                           fill: entry.fill ?? entry.stroke.color))
            default:
                scene.items.append(.path(points: [Point(x + 5, midY), Point(x + 5 + swatch, midY)], closed: false,
                                         stroke: Stroke(color: entry.stroke.color.opacity(max(entry.stroke.color.alpha, 0.6)),
                                                        width: max(entry.stroke.width, 2), dash: entry.stroke.dash),
                                         fill: nil))
            }
            scene.items.append(.text(entry.label!, position: Point(x + swatch + 10, midY), size: Style.legendSize,
                                     weight: .regular, color: .black, anchor: .left, angle: 0))
        }
    }
}
