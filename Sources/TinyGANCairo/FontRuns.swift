import CCairo
import TinyGANPlot

/// Which font draws which part of a text. Cairo's toy text API draws a
/// string in the one font that fontconfig finds for a family name, with no
/// fallback per glyph: in DejaVu Sans, which has no Chinese glyphs, Chinese
/// is a row of boxes. So each character goes to the first of `families`
/// whose font (as fontconfig resolves the name on this machine) has a glyph
/// for it, and neighbouring characters of one family form a run; the runs
/// are measured and drawn one after the other on one baseline. A text that
/// DejaVu Sans covers whole is one run in it, drawn exactly as before.
struct FontRuns {
    /// The house font first, then CJK fonts: Noto Sans CJK (Debian's
    /// fonts-noto-cjk) and WenQuanYi Micro Hei (fonts-wqy-microhei, the one
    /// `.ci/setup` installs). A family that is not installed resolves to
    /// another font, which then fails the glyph check and is passed over.
    static let families = ["DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]

    struct Run {
        let family: String
        let text: String
        /// The run's width: Cairo's x advance.
        let advance: Double
    }

    let runs: [Run]
    var width: Double { runs.reduce(0) { $0 + $1.advance } }

    /// Splits `text` into runs for `cr`, leaving the primary family
    /// (`families[0]`) selected at `size` and `weight`. A character that no
    /// family covers stays in the primary family (and shows its missing glyph).
    init(_ text: String, size: Double, weight: FontWeight, context cr: OpaquePointer) {
        var pieces: [(family: Int, text: String)] = []
        // ASCII needs no check (any font fontconfig offers has it): most texts, tick labels all.
        if text.utf8.allSatisfy({ $0 < 0x80 }) || Self.covers(text, family: 0, size: size, weight: weight, cr) {
            pieces = [(0, text)]
        } else {
            var known: [Character: Int] = [:]
            for character in text {
                let family = known[character] ?? Self.families.indices.first {
                    Self.covers(String(character), family: $0, size: size, weight: weight, cr)
                } ?? 0
                known[character] = family
                if let last = pieces.last, last.family == family {
                    pieces[pieces.count - 1].text.append(character)
                } else {
                    pieces.append((family, String(character)))
                }
            }
        }
        runs = pieces.map { piece in
            Self.select(piece.family, size: size, weight: weight, cr)
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, piece.text, &extents)
            return Run(family: Self.families[piece.family], text: piece.text, advance: extents.x_advance)
        }
        Self.select(0, size: size, weight: weight, cr)
    }

    /// Selects family number `index` of `families` on `cr`.
    static func select(_ index: Int, size: Double, weight: FontWeight, _ cr: OpaquePointer) {
        select(families[index], size: size, weight: weight, cr)
    }

    static func select(_ family: String, size: Double, weight: FontWeight, _ cr: OpaquePointer) {
        cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL,
                               weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// Whether the font family number `index` resolves to has a glyph for
    /// every character of `text`: none maps to glyph 0, the missing glyph.
    static func covers(_ text: String, family index: Int, size: Double, weight: FontWeight, _ cr: OpaquePointer) -> Bool {
        select(index, size: size, weight: weight, cr)
        guard let font = cairo_get_scaled_font(cr) else { return false }
        var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(font, 0, 0, text, -1, &glyphs, &count, nil, nil, nil)
        defer { cairo_glyph_free(glyphs) }
        guard status == CAIRO_STATUS_SUCCESS, let glyphs else { return status == CAIRO_STATUS_SUCCESS && count == 0 }
        return (0..<Int(count)).allSatisfy { glyphs[$0].index != 0 }
    }

}

extension CairoTextMetrics {
    /// The characters of `text` that no font of `FontRuns.families` has on
    /// this machine (each once, in order): drawn, they would be boxes.
    public func missingGlyphs(in text: String) -> [Character] {
        var seen = Set<Character>()
        return text.filter { character in
            seen.insert(character).inserted && !FontRuns.families.indices.contains {
                FontRuns.covers(String(character), family: $0, size: 12, weight: .regular, context.pointer)
            }
        }.map { $0 }
    }
}
