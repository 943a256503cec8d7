import Foundation
import TinyGANCore

/// What a page template renders: a struct whose stored properties are the
/// template's keys (swift-mustache reads them by reflection, nested structs
/// by dotted names, arrays as sections, `Bool`s as conditions, and a nil
/// optional as absent). `t` holds the language's strings, each already
/// rendered over the same view; it is filled in last.
protocol PageView {
    var t: [String: String] { get set }
}

/// The verdict rule's limits, as the pages state them (`Verdict`).
struct VerdictRuleView {
    let collapse = PageFormat.fixed(Verdict.collapseRatio, 2)
    let shift = PageFormat.fixed(Verdict.shiftLimit, 2)
    let spread = PageFormat.fixed(Verdict.spreadLimit, 2)
    let distance = PageFormat.fixed(Verdict.distanceLimit, 2)
    let ks = PageFormat.fixed(Verdict.ksLimit, 2)
    /// With a typographic minus sign; the target's limit when there is one.
    let flatness: String

    init(target: Target? = nil) {
        let limit = target.map { Verdict.flatnessLimit(for: $0) } ?? Verdict.flatnessLimit
        flatness = PageFormat.fixed(limit, 1).replacingOccurrences(of: "-", with: "\u{2212}")
    }
}

/// The article's experiment (`ArticleFacts`) and the 95% Wilson interval of
/// its success rate.
struct ArticleView {
    let runs = ArticleFacts.runs
    let successes = ArticleFacts.successes
    let lower: String
    let upper: String

    init() {
        let interval = WilsonInterval(successes: successes, trials: runs)
        lower = PageFormat.percent(interval.lower)
        upper = PageFormat.percent(interval.upper)
    }
}

/// How the main run's final samples spread over a mixture's modes
/// (`ModeStatistics`), for the page's prose.
struct ModesView {
    let count: Int
    let covered: Int
    let hqShare: String
    let reverseKL: String
    /// "mode 1 (weight 0.50): 49.8%, mode 2 ...": each mode's share.
    let shares: String
    let missing: Bool

    init?(_ log: RunLog) {
        guard let modes = log.mixtureModes else { return nil }
        count = modes.modes.count
        covered = modes.modesCovered
        hqShare = PageFormat.percent(modes.hqShare)
        reverseKL = PageFormat.fixed(modes.reverseKL, 3)
        shares = modes.modes.enumerated().map { k, mode in
            "\(k + 1): \(PageFormat.percent(mode.share)) / \(PageFormat.percent(mode.weight))"
        }.joined(separator: ", ")
        missing = Verdict.missesModes(modes)
    }
}
