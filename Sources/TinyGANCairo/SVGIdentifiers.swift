import Foundation

/// Makes Cairo's SVG ids unique per file and independent of Cairo's
/// process-wide counters.
enum SVGIdentifiers {
    static let reference = try! NSRegularExpression(pattern: ##"(id="|href="#|url\(#)([A-Za-z_][A-Za-z0-9_.-]*)"##)

    /// `svg` with every id, and every reference to it, renamed
    /// `PREFIX-STEM-N`: STEM the id's leading letters, N counting from 1 per
    /// stem in order of first appearance.
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
