import Foundation
import TinyGANPlot

/// Adds a scene's hover areas to an SVG, which Cairo's SVG surface cannot
/// write: each becomes `<rect x=".." y=".." width=".." height=".."
/// fill="#000" fill-opacity="0"><title>TEXT</title></rect>`, in scene
/// pixels (the SVG's user units), in one group drawn last, so that it lies
/// on top and a browser shows TEXT under the pointer. Fully transparent, the
/// rectangles change nothing that is seen; a fill, even at opacity 0, makes
/// them catch the pointer (SVG's default `pointer-events: visiblePainted`).
enum SVGHoverTitles {
    static func adding(_ hovers: [(rect: Rect, text: String)], to svg: String) -> String {
        guard !hovers.isEmpty, let end = svg.range(of: "</svg>", options: .backwards) else { return svg }
        var group = "<g class=\"hover\">\n"
        for (rect, text) in hovers {
            group += "<rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" width=\"\(number(rect.width))\" "
                + "height=\"\(number(rect.height))\" fill=\"#000\" fill-opacity=\"0\"><title>\(escaped(text))</title></rect>\n"
        }
        group += "</g>\n"
        return svg.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: group)
    }

    /// A coordinate to 1/100 pixel.
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `text` as XML character data: &, <, >, and the quotes escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
