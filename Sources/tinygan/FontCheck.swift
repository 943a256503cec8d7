import Foundation
import TinyGANCairo
import TinyGANPlot

/// Before drawing: warns when no installed font has glyphs for some
/// characters of the figures' texts in a language (Chinese without a CJK
/// font), since Cairo would draw them as boxes.
enum FontCheck {
    static func warnIfMissing(_ language: Language) throws {
        let metrics = try CairoTextMetrics()
        let missing = FigureStrings.table(language).values.sorted().flatMap { metrics.missingGlyphs(in: $0) }
        var seen = Set<Character>()
        let unique = missing.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return }
        let shown = unique.prefix(8).map(String.init).joined(separator: " ") + (unique.count > 8 ? " ..." : "")
        FileHandle.standardError.write(Data(("tinygan: warning: no installed font has glyphs for \(shown) "
            + "(figures in '\(language.rawValue)' will show boxes there); install fonts-wqy-microhei or fonts-noto-cjk\n").utf8))
    }
}
