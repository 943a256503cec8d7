import Foundation
import Testing
import TinyGANCore
import TinyGANReport

/// The page tells the experiment that ran: its target and its loss. The
/// article's own page (its target, `bce`) keeps the article's story; other
/// targets and losses get their own, and no BCE claim (ln 2) where D is a
/// critic. (The section "Why GANs orbit", the same Dirac-GAN for every
/// experiment, is left out of what these tests read: `PageReader.story`.)
@Suite struct ReportStoryTests {
    func page(_ config: TrainingConfig, language: ReportLanguage = .en) throws -> PageReader {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("r")
        try ReportBuilder.build(try shortRuns(count: 2, preset: config),
                                settings: ReportSettings(language: language, templates: templates),
                                destination: report, replacing: false)
        return try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
    }

    func mixtureHinge() throws -> TrainingConfig {
        var config = Presets.article
        config.target = try Target(spec: "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)")
        config.loss = .hinge
        return config
    }

    @Test func mixtureWithHingeNamesTheTargetAndTheLoss() throws {
        let config = try mixtureHinge()
        let text = try page(config).story
        for phrase in [config.target.label, config.target.spec, "mean 0.0", "hinge loss", "identity output",
                       "its output is a score", "the target's density", "the target's quantile function",
                       "terms of the hinge loss"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        for phrase in ["ln 2", "binary cross-entropy", "sigmoid output", "the target's bell curve", "N(μ, σ²)", "In the article, the mean"] {
            #expect(!text.contains(phrase), "\(phrase)")
        }
    }

    @Test func mixtureWithHingeInChinese() throws {
        let config = try mixtureHinge()
        let text = try page(config, language: .zh).story
        for phrase in [config.target.label, config.target.spec, "铰链损失", "恒等输出", "分数而不是概率"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        for phrase in ["ln 2", "二元交叉熵", "sigmoid 输出", "目标的钟形曲线"] {
            #expect(!text.contains(phrase), "\(phrase)")
        }
    }

    /// The mixture preset's page tells of modes: the sentence on how the
    /// samples spread over them, the missing-modes rule and the modes
    /// figure; with D on single samples, D's part says so and the page
    /// shows D's decision; with packs, PacGAN's packs.
    @Test func mixturePageTellsOfModesAndOfDOnSamples() throws {
        var config = Presets.mixture
        config.discriminatorInput = .sample
        let page = try page(config), text = page.story
        for phrase in ["Of the target's 2 modes, G's samples cover", "within 3 std of some mode (high quality)",
                       "reverse KL", "it has missing modes if a mode is not covered",
                       "that judges each sample alone", "The modes over the epochs", "What D thinks"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!text.contains("that judges a whole minibatch") && !text.contains("It sees the minibatch as"))
        #expect(page.images.contains("figures/modes.svg") && page.images.contains("figures/decision.svg"))
        config.pack = 4
        let packed = try self.page(config)
        #expect(packed.story.contains("that judges packs of 4 samples at once, as PacGAN does: 25 outputs per minibatch"))
        #expect(packed.images.contains("figures/modes.svg") && !packed.images.contains("figures/decision.svg"))
        let zh = try self.page(Presets.mixture, language: .zh).story
        #expect(zh.contains("目标的 2 个模式中有") && zh.contains("则为缺失模态"))
        // The article's page has neither figure nor the modes' words.
        let article = try self.page(Presets.article)
        #expect(!article.story.contains("modes") && !article.images.contains("figures/modes.svg"))
    }

    @Test func articlePageKeepsTheArticlesStory() throws {
        let text = try page(Presets.article).story
        for phrase in ["A GAN learns a bell curve", "sigmoid output", "(binary cross-entropy)",
                       "all three settle at ln 2 = 0.693", "With the target N(μ, σ²)", "In the article, the mean"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!text.contains("score"))
    }

    /// The critics' settings are told: clipping for `wasserstein`, the
    /// gradient penalty's lambda and sides for `wasserstein-gp`; `minimax`
    /// keeps ln 2 for D and puts G's loss at -ln 2.
    @Test func criticsAndMinimaxTellTheirSettings() throws {
        var config = Presets.article
        config.loss = .wasserstein
        var text = try page(config).story
        #expect(text.contains("clipped to [−0.01, 0.01]") && text.contains("Wasserstein distance") && !text.contains("ln 2"))
        config.loss = .wassersteinGP
        config.gpSides = .one
        text = try page(config).story
        #expect(text.contains("λ = 10.0") && text.contains("one-sided") && !text.contains("clipped"))
        config = Presets.article
        config.loss = .minimax
        config.r2Penalty = 0.5
        text = try page(config).story
        #expect(text.contains("log(1 − D(G(z)))") && text.contains("at −ln 2") && text.contains("R2 penalty")
                    && text.contains("γ = 0.5"))
    }
}
