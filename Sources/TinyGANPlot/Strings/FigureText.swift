/// Every text a figure shows in words, by name: titles, axis labels, legend
/// entries, panel titles, marks and verdicts. Each language's table
/// (`FigureStrings.english`, `FigureStrings.chinese`) gives each name its
/// text, in which `{NAME}` stands for a value filled in when drawn (a
/// number, a seed, a run's name, a formula). Notation (x, G(z), KS, a
/// target's formula, a setting's name) is not translated and is no entry.
public enum FigureText: String, CaseIterable, Sendable {
    // Shared
    case epochAxis, density, generated, target, runName, originalScript, divergedAt, unknownStep, divergenceStep,
         discriminator, generator, summary,
         epochNumber, verdictSuccess, verdictCollapsed, verdictShifted, verdictWrongShape, verdictDiverged,
         verdictMissingModes
    // Moments
    case momentsTitle, meanPanel, stdPanel, meanAxis, stdAxis, realBatch
    // Distribution
    case distributionTitle
    // Runs
    case runsTitle, runsOne, runsMany, successesOne, successesMany, seedVerdict
    // Losses
    case lossesTitle, lossesScoreTitle, lossTerm, dOnReal, dOnGenerated, bceAxis, leastSquaresAxis, hingeAxis,
         criticAxis, coinToss
    // Mapping
    case mappingTitle, noiseAxis, idealMap, gaussianMap, quantileMap
    // Q-Q
    case qqTitle, targetQuantile, generatedQuantile, perfectMatch, percentiles
    // Evolution
    case evolutionTitle
    // Exact density
    case densityTitle, samples, exactDensity, spike
    // Modes
    case modesTitle, modeSharePanel, modeLabel, shareAxis, qualityPanel, fractionAxis, hqShare, modesCoveredFraction
    // D's decision
    case decisionTitle, decisionProbability, decisionScore, decisionCurveProbability, decisionCurveScore
    // The Dirac-GAN
    case diracTitle, diracGradientDescent, diracMomentum, diracPanel, diracSimultaneous, diracAlternating,
         diracConverges, diracOrbits, diracDiverges, diracStalls, diracNoise
    // The 2-D lab
    case planeSamplesTitle, planeModesSummary, planeGridSummary, planeGenerated, planeModeMeans, planeEvolutionTitle,
         planeEpochPanel, planeQualityTitle, planeGridPanel, planeDecisionTitle, planeDecisionProbability,
         planeDecisionScore, planeTargetPanel, planeDecisionPacked, planeNoiseGrid, planeNoiseGridUniform,
         planeNoiseGridGaussian, planeNoiseGridSkipped, planeGradientArrows, planeArrowsNote, planeArrowsNone,
         planeSweepTitle, planeSweepMeanModes, planeSweepPanelModes, planeSweepPanelGrid, planeNoFinal, seedLabel,
         clauseSeparator, planeFrameTitle
    // Sweep figures
    case histogramsTitle, outcomesTitle, finalMean, finalStd, targetMeanStd, targetMeansStds, verdictCount,
         ratesTitle, ratesGridTitle, successRate, successRateAxis
}
