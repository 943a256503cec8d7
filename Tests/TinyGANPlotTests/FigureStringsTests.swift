import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

@Suite struct FigureStringsTests {
    let layout = FigureLayout(metrics: ApproximateTextMetrics())

    /// Every figure text exists in every language, is not empty, and names
    /// the same values as the English one (a translation that drops
    /// `{seed}` would show a seedless title).
    @Test(arguments: Language.allCases)
    func everyKeyInEveryLanguage(_ language: Language) {
        let table = FigureStrings.table(language), english = FigureStrings.table(.en)
        for key in FigureText.allCases {
            guard let text = table[key], let original = english[key] else {
                Issue.record("\(language): no text for \(key)")
                continue
            }
            #expect(!text.isEmpty, "\(language): \(key) is empty")
            #expect(FigureStrings.placeholders(in: text) == FigureStrings.placeholders(in: original),
                    "\(language): \(key) names other values than English: \(text)")
        }
    }

    @Test func placeholdersAreFilledInOnePass() {
        let t = FigureStrings(.en)
        #expect(t(.seedVerdict, ["seed": "3", "verdict": "{seed}"]) == "seed 3: {seed}")
        #expect(t(.target, [:]) == "target {value}")
        #expect(FigureStrings(.zh)(.seedVerdict, ["seed": "3", "verdict": t.verdict(.wrongShape)]) == "种子 3：wrong shape")
        #expect(FigureStrings(.zh).verdict(.wrongShape) == "形状错误")
    }

    /// The texts of a scene.
    func texts(_ scene: Scene) -> [String] {
        scene.items.compactMap { if case .text(let text, _, _, _, _, _, _) = $0 { text } else { nil } }
    }

    /// The English words in `text` (runs of three or more Latin letters)
    /// that are not the log's own names (preset, loss, target) or notation
    /// (a diverged run's statistics print as nan).
    func englishWords(_ text: String, names: [String]) -> [String] {
        var rest = text
        for name in names + ["max", "Wilson", "nan", "inf"] { rest = rest.replacingOccurrences(of: name, with: " ") }
        return rest.matches(of: #/[A-Za-z]{3,}/#).map { String($0.output) }
    }

    /// Chinese figures from logs of every loss (each labels its curves its
    /// own way), a diverged run included: every title, label, legend and
    /// mark is Chinese but for the log's names and notation, and the
    /// English figure of the same log does show English words (so the
    /// check can fail).
    @Test(arguments: FigureKind.allCases)
    func chineseFiguresShowNoEnglish(_ kind: FigureKind) throws {
        for loss in GANLoss.allCases {
            for diverged in [false, true] {
                // The modes and decision figures need a mixture and D on samples.
                var log = kind == .modes || kind == .decision ? try trainedMixtureLog(loss: loss, epochs: 40)
                                                                : syntheticLog(diverged: diverged)
                log.header.config.loss = loss
                if diverged && log.final?.diverged == false {
                    log.final?.diverged = true
                    log.final?.divergence = "epoch 7, generator step 2"
                }
                let names = [log.header.config.preset, loss.rawValue, log.target.label]
                let logs = [log, syntheticLog(seed: 2, shift: 3)]
                let figure: Figure
                do {
                    figure = try ArticleFigures.figure(kind, log: log, logs: logs, language: .zh)
                } catch is FigureUnavailable {
                    #expect(diverged && kind == .qq)  // a diverged run has no finite samples
                    continue
                }
                let zh = texts(layout.scene(for: figure))
                for text in zh {
                    #expect(englishWords(text, names: names).isEmpty, "\(kind) \(loss): '\(text)'")
                }
                #expect(zh.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
                let en = texts(layout.scene(for: try ArticleFigures.figure(kind, log: log, logs: logs)))
                #expect(en.contains { !englishWords($0, names: names).isEmpty }, "\(kind) \(loss)")
            }
        }
    }

    /// The Dirac-GAN figure in Chinese: every panel title and the figure's
    /// title in Chinese but for the losses' names and notation.
    @Test func diracFigureInChinese() throws {
        var settings = DiracSettings()
        settings.steps = 20
        settings.noiseSamples = 8
        let log = DiracTraining.experiment(settings)
        let names = GANLoss.allCases.map(\.rawValue) + ["Dirac", "GAN", "Adam", "SGD"]
        let zh = texts(layout.scene(for: DiracFigure.figure(log, FigureStrings(.zh))))
        for text in zh { #expect(englishWords(text, names: names).isEmpty, "'\(text)'") }
        let en = texts(layout.scene(for: DiracFigure.figure(log)))
        #expect(en.contains { $0.contains("converges") || $0.contains("orbits") })
    }

    /// Where a run diverged reads in the figure's language; English keeps
    /// the trainer's words exactly.
    @Test func divergencePlaceIsTranslated() throws {
        let log = syntheticLog(diverged: true)
        let en = try ArticleFigures.moments(log).panels[0].mark
        #expect(en == "diverged at epoch 7, generator step 2")
        #expect(try ArticleFigures.moments(log, FigureStrings(.zh)).panels[0].mark == "发散于 第 7 轮生成器第 2 步")
    }

    /// The 2-D lab's figures in Chinese: no English words but the preset's
    /// and the target's names and the divergences' notation (JS, ln 2),
    /// and the English figures of the same log do show English.
    @Test(arguments: PlaneFigureKind.allCases)
    func planeFiguresInChinese(_ kind: PlaneFigureKind) throws {
        var config = Presets.ring
        config.generator = NetworkConfig(hiddenSizes: [8], activations: [.relu])
        config.discriminator = NetworkConfig(hiddenSizes: [8], activations: [.relu])
        config.batchSize = 20
        config.epochs = 20
        config.snapshotInterval = 10
        var trainer = try PlaneTrainer(config: config, seed: 1)
        let log = trainer.run()
        let names = [config.preset, "Jensen-Shannon"]
        let zh = texts(layout.scene(for: try PlaneFigures.figure(kind, log: log, language: .zh)))
        for text in zh { #expect(englishWords(text, names: names).isEmpty, "\(kind): '\(text)'") }
        #expect(zh.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        let en = texts(layout.scene(for: try PlaneFigures.figure(kind, log: log)))
        #expect(en.contains { !englishWords($0, names: names).isEmpty }, "\(kind)")
    }
}
