import TinyGANCore

/// The values of the report's section "Why GANs orbit": the Dirac-GAN
/// experiment's settings, one row per game (its verdicts under
/// simultaneous and alternating steps, and which of the paper's statements
/// is about it, `DiracClaim`), and how many runs behave as the paper states.
/// The words (verdicts, the paper's statements) are in the string tables;
/// the rows carry flags that pick them.
struct DiracView {
    /// A verdict as flags, and as a CSS class.
    struct VerdictView {
        let key: String
        let converges, orbits, diverges, stalls: Bool
        /// Whether it is what the paper states (false where it states nothing).
        let agrees: Bool
        let disagrees: Bool

        init(_ verdict: DiracVerdict, claim: DiracClaim) {
            key = verdict.rawValue
            converges = verdict == .converges
            orbits = verdict == .orbits
            diverges = verdict == .diverges
            stalls = verdict == .stalls
            agrees = claim.agrees(with: verdict) == true
            disagrees = claim.agrees(with: verdict) == false
        }
    }

    /// One game: a loss and a regularizer, with both updates.
    struct Row {
        let game: String
        let simultaneous: VerdictView?
        let alternating: VerdictView?
        let isUnregularized, isWGAN, isWGANGP, isInstanceNoise, isPenalty, isNotStated: Bool
    }

    let steps: Int
    let learningRate: String
    let isSGD: Bool
    let theta0, psi0: String
    let clip, gpWeight, penalty, noise: String
    let noiseSamples: Int
    let runCount: Int
    let rows: [Row]
    /// Runs about which the paper states an outcome, and those that behave so.
    let claims: Int
    let agreements: Int
    let allAgree: Bool
    let divergenceRatio = PageFormat.fixed(DiracVerdict.divergenceRatio, 1)
    let convergenceRatio = PageFormat.fixed(DiracVerdict.convergenceRatio, 2)
    let restRatio = PageFormat.fixed(DiracVerdict.restRatio, 2)

    init(_ log: DiracLog) {
        let s = log.header.settings
        steps = s.steps
        learningRate = PageFormat.number(s.optimizer.learningRate)
        isSGD = s.optimizer.kind == .sgd
        theta0 = PageFormat.number(s.theta0)
        psi0 = PageFormat.number(s.psi0).replacingOccurrences(of: "-", with: "\u{2212}")
        clip = PageFormat.number(s.clip)
        gpWeight = PageFormat.number(s.gpWeight)
        penalty = PageFormat.number(s.penalty)
        noise = PageFormat.number(s.noise)
        noiseSamples = s.noiseSamples
        runCount = log.runs.count
        var games: [String] = []
        for run in log.runs where !games.contains(run.method.game) { games.append(run.method.game) }
        rows = games.map { game in
            let runs = log.runs.filter { $0.method.game == game }
            let claim = DiracClaim(runs[0].method)
            func view(_ update: DiracMethod.Update) -> VerdictView? {
                runs.first { $0.method.update == update }.map { VerdictView($0.verdict, claim: claim) }
            }
            return Row(game: game, simultaneous: view(.simultaneous), alternating: view(.alternating),
                       isUnregularized: claim == .unregularized, isWGAN: claim == .wgan, isWGANGP: claim == .wganGP,
                       isInstanceNoise: claim == .instanceNoise, isPenalty: claim == .penalty,
                       isNotStated: claim == .notStated)
        }
        let judged = log.runs.compactMap { DiracClaim($0.method).agrees(with: $0.verdict) }
        claims = judged.count
        agreements = judged.filter { $0 }.count
        allAgree = claims == agreements
    }
}
