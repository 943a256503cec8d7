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

    /// A whole number with commas between groups of three digits ("10,000").
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude), groups: [Substring] = []
        while digits.count > 3 { groups.insert(Substring(digits.suffix(3)), at: 0); digits.removeLast(3) }
        return (value < 0 ? "-" : "") + ([Substring(digits)] + groups).joined(separator: ",")
    }

    /// When the page was built, in ISO 8601.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
