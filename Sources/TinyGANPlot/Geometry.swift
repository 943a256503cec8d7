/// A point in pixels, y downwards, origin at the top left of the figure.
public struct Point: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A rectangle in pixels.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var maxX: Double { x + width }
    public var minY: Double { y }
    public var maxY: Double { y + height }
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    public func inset(top: Double, left: Double, bottom: Double, right: Double) -> Rect {
        Rect(x: x + left, y: y + top, width: max(1, width - left - right), height: max(1, height - top - bottom))
    }
}

/// An sRGB colour with alpha, each in [0, 1].
public struct Color: Equatable, Hashable, Sendable {
    public var red, green, blue, alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// From 0xRRGGBB.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double(hex >> 16 & 0xFF) / 255, green: Double(hex >> 8 & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    public func opacity(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// Okabe and Ito's palette, distinguishable with every common colour-vision deficiency.
    public static let blue = Color(hex: 0x0072B2)
    public static let orange = Color(hex: 0xE69F00)
    public static let green = Color(hex: 0x009E73)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let purple = Color(hex: 0xCC79A7)
    public static let yellow = Color(hex: 0xF0E442)
    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    public static let gray = Color(hex: 0x666666)
    public static let lightGray = Color(hex: 0xDDDDDD)
    public static let palette: [Color] = [.blue, .orange, .green, .vermillion, .skyBlue, .purple, .yellow]
}

/// How a line is drawn.
public struct Stroke: Equatable, Sendable {
    public var color: Color
    public var width: Double
    /// Dash and gap lengths in pixels; empty for a solid line.
    public var dash: [Double]
    public init(color: Color, width: Double = 1.5, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

public enum FontWeight: Sendable { case regular, bold }

/// Where a text's anchor point sits on its box.
public enum TextAnchor: Sendable {
    case topLeft, top, topRight, left, center, right, bottomLeft, bottom, bottomRight
}

/// Measures text as the renderer will draw it (DejaVu Sans).
public protocol TextMetrics {
    /// The advance width of `text` at `size` pixels.
    func width(of text: String, size: Double, weight: FontWeight) -> Double
}

/// An estimate for DejaVu Sans without a renderer: 0.62 em a character on
/// average, an upper bound for digits and lower-case text.
public struct ApproximateTextMetrics: TextMetrics {
    public init() {}
    public func width(of text: String, size: Double, weight: FontWeight) -> Double {
        Double(text.count) * size * (weight == .bold ? 0.68 : 0.62)
    }
}
