import Foundation
import TinyGANCore
import TinyGANPlot

/// The values the templates render: the runs' configuration, statistics,
/// verdicts and figures. Text comes from the templates, never from here;
/// numbers are formatted here once, so the page and its tests agree.
enum ReportContext {
    static func make(_ runs: ReportRuns, settings: ReportSettings, figures: [String: String],
                     skipped: [String]) -> [String: Any] {
        let main = runs.main
        let config = main.header.config
        let successes = runs.grid.filter { $0.verdict == .success }.count
        let gridSeeds = runs.grid.map(\.header.seed)
        let totalWall = runs.all.compactMap { $0.final?.wallSeconds }.reduce(0, +)
        var reproduce = "tinygan report --preset \(config.preset) --seed \(main.header.seed)"
        if let preset = try? Presets.named(config.preset), preset.epochs != config.epochs {
            reproduce += " --epochs \(config.epochs)"
        }
        if runs.grid.count != 10 { reproduce += " --runs \(runs.grid.count)" }
        if settings.language != .en { reproduce += " --lang \(settings.language.rawValue)" }
        return [
            "lang": settings.language.rawValue,
            "title": settings.title ?? "",
            "hasTitle": settings.title != nil,
            "built": ISO8601DateFormatter().string(from: Date()),
            "tool": main.header.tool,
            "preset": config.preset,
            "command": reproduce,
            "config": describe(config),
            "main": row(main),
            "mainEpochs": main.final?.epochsCompleted ?? 0,
            "mainDiverged": main.final?.diverged ?? false,
            "runs": runs.grid.map(row),
            "runCount": runs.grid.count,
            "successes": successes,
            "successRate": percent(Double(successes) / Double(max(runs.grid.count, 1))),
            "gridSeeds": gridSeeds.map(String.init).joined(separator: ", "),
            "firstGridSeed": gridSeeds.first.map(String.init) ?? "",
            "lastGridSeed": gridSeeds.last.map(String.init) ?? "",
            "totalWall": String(format: "%.1f", totalWall),
            "figures": figures,
            "skipped": skipped,
            "hasSkipped": !skipped.isEmpty,
            "rule": rule,
            "article": ["successes": 8, "runs": 10],
        ]
    }

    /// The values of a sweep's page.
    static func sweep(_ summary: SweepSummary, settings: ReportSettings, figures: [String: String]) -> [String: Any] {
        let plan = summary.plan
        var command = "tinygan sweep --preset \(plan.preset) --runs \(plan.seeds.count) --seed \(plan.seeds.first ?? 1)"
        for axis in plan.axes { command += " --grid \(axis.key)=\(axis.values.joined(separator: ","))" }
        let points: [[String: Any]] = summary.points.map { p in
            let failures = p.verdicts.filter { $0.key != Verdict.success.rawValue }.sorted { $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return [
                "values": p.parameters, "runs": p.runs, "successes": p.success.successes,
                "rate": percent(p.success.rate), "rateExact": "\(p.success.rate)",
                "lower": percent(p.success.lower), "upper": percent(p.success.upper),
                "failures": failures.isEmpty ? "-" : failures, "good": p.success.rate >= 0.5,
            ]
        }
        return [
            "lang": settings.language.rawValue, "title": settings.title ?? "", "hasTitle": settings.title != nil,
            "built": ISO8601DateFormatter().string(from: Date()), "tool": "tinygan \(TinyGANVersion.current)",
            "preset": plan.preset, "runCount": summary.rows.count, "pointCount": plan.pointCount,
            "seedCount": plan.seeds.count, "axes": plan.axes.map { ["key": $0.key] },
            "hasAxes": !plan.axes.isEmpty, "points": points, "figures": figures, "command": command,
            "article": ["successes": 8, "runs": 10], "rule": rule,
        ]
    }

    static let rule: [String: String] = [
        "collapse": fixed(Verdict.collapseRatio, 2), "shift": fixed(Verdict.shiftLimit, 2),
        "spread": fixed(Verdict.spreadLimit, 2), "distance": fixed(Verdict.distanceLimit, 2),
        "ks": fixed(Verdict.ksLimit, 2),
        "flatness": fixed(Verdict.flatnessLimit, 1).replacingOccurrences(of: "-", with: "\u{2212}"),
    ]

    /// One run's numbers: shown rounded, and in full in `data-value`.
    static func row(_ log: RunLog) -> [String: Any] {
        let e = log.final?.evaluation
        let verdict = log.verdict ?? .diverged
        func stat(_ value: Double?) -> [String: String] {
            let v = value ?? .nan
            return ["shown": fixed(v, 3), "exact": "\(v)"]
        }
        return [
            "seed": "\(log.header.seed)",
            "mean": stat(e?.mean), "std": stat(e?.std), "skewness": stat(e?.skewness),
            "kurtosis": stat(e?.excessKurtosis), "ks": stat(e?.ks), "w1": stat(e?.wasserstein1),
            "verdict": verdict.rawValue, "verdictKey": verdict.rawValue.replacingOccurrences(of: " ", with: "-"),
            "success": verdict == .success,
            "wall": fixed(log.final?.wallSeconds ?? 0, 2),
        ]
    }

    static func describe(_ c: TrainingConfig) -> [String: Any] {
        func network(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: " \u{2192} ") }
        func optimizer(_ o: OptimizerConfig) -> String {
            switch o.kind {
            case .sgd: "SGD, lr \(o.learningRate), momentum \(o.momentum)"
            case .adam: "Adam, lr \(o.learningRate), betas (\(o.beta1), \(o.beta2))"
            }
        }
        return [
            "targetMean": number(c.targetMean), "targetStd": number(c.targetStd), "batch": c.batchSize,
            "epochs": c.epochs, "dSteps": c.discriminatorSteps, "gSteps": c.generatorSteps,
            "gNetwork": network(c.generatorSizes), "dNetwork": network(c.discriminatorSizes),
            "gActivations": c.generator.activations.map(\.rawValue).joined(separator: ", "),
            "dActivations": c.discriminator.activations.map(\.rawValue).joined(separator: ", "),
            "dInput": c.discriminatorInput.rawValue, "dFeatures": c.discriminatorSizes[0],
            "isMoments": c.discriminatorInput == .moments,
            "gOptimizer": optimizer(c.generatorOptimizer), "dOptimizer": optimizer(c.discriminatorOptimizer),
            "steps": c.epochs * (c.discriminatorSteps + c.generatorSteps),
            "hasRealLabel": c.realLabel != 1, "realLabel": "\(c.realLabel)",
            "hasNoise": c.instanceNoise > 0, "noise": "\(c.instanceNoise)",
            "hasPenalty": c.gradientPenalty > 0, "penalty": "\(c.gradientPenalty)",
        ]
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "\(value)"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.1f", value) : "\(value)"
    }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", 100 * value) }
}
