import Foundation

/// How the pages show numbers: formatted here once, so every page and its
/// tests agree. Non-finite values show as Swift prints them ("nan").
enum PageFormat {
    /// `value` with `decimals` digits after the point.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "\(value)"
    }

    /// A whole number with one decimal ("4.0"), any other in full.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.1f", value) : "\(value)"
    }

    /// A fraction as a whole percentage ("62%").
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", 100 * value) }

    /// When the page was built, in ISO 8601.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
