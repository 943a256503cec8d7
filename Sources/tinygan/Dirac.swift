import ArgumentParser
import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

extension TinyGAN {
    struct Dirac: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the Dirac-GAN with every loss and regularizer and draw why GANs orbit.",
            discussion: """
                The Dirac-GAN of Mescheder, Geiger and Nowozin (2018): the real data a point at 0, \
                G(z) = θ, D(x) = ψ·x. Trains it with tinygan's own losses, penalties and optimizer, \
                for every game (each loss plain; R1 with minimax, bce, least-squares and hinge; R2 \
                and instance noise with minimax and bce), each with simultaneous and alternating \
                steps, then writes DIR/dirac.json (the log: settings and trajectories) and, from \
                that log, DIR/dirac.png and DIR/dirac.svg: one panel per method, its trajectory over \
                its gradient field, titled with its verdict (converges, orbits, diverges, stalls). \
                The defaults are the paper's notebook: 500 steps of gradient descent, lr 0.2, from \
                its (θ, ψ) = (1, 1), which is (1, -1) in tinygan's sign of ψ (D high for real data).
                """)

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the log and the figure.", valueName: "folder"))
        var out: String = "dirac"

        @Option(help: "Steps of each player.")
        var steps = DiracSettings().steps

        @Option(help: "Both players' learning rate.")
        var lr = DiracSettings().optimizer.learningRate

        @Option(help: "Both players' optimizer: sgd (plain gradient descent, no momentum) or adam (betas 0.9, 0.999).")
        var optimizer: OptimizerConfig.Kind = .sgd

        @Option(help: "Seed of the instance noise and of WGAN-GP's interpolation weights.")
        var seed: UInt64 = DiracSettings().seed

        @Option(help: "Image files of the figure.")
        var format: FormatChoice = .both

        @Option(help: "PNG pixels per figure pixel (2 for sharp images on HiDPI screens).")
        var scale: Double = 1

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard scale.isFinite, scale >= 0.25, scale <= 8 else {
                throw ValidationError("--scale must be between 0.25 and 8 (got \(scale))")
            }
            if let problem = settings.problem { throw ValidationError(problem) }
        }

        var settings: DiracSettings {
            var s = DiracSettings()
            s.steps = steps
            s.optimizer = optimizer == .sgd ? .sgd(learningRate: lr, momentum: 0) : .adam(learningRate: lr)
            s.seed = seed
            return s
        }

        func run() throws {
            let start = Date()
            let folder = URL(fileURLWithPath: out)
            let logURL = folder.appendingPathComponent(DiracLog.fileName)
            try OutputCheck.ensureWritable(logURL)
            for format in format.formats {
                try OutputCheck.ensureWritable(folder.appendingPathComponent("\(DiracFigure.name).\(format.rawValue)"))
            }
            let log = DiracTraining.experiment(settings)
            try log.write(to: logURL)
            let drawn = try DiracLog.read(from: logURL)  // the figure comes from the log on disk
            let files = FigureFiles(renderer: try CairoRenderer(), formats: format.formats, scale: scale)
            let written = try files.writeDirac(drawn, to: folder)
            guard !quiet else { return }
            for run in drawn.runs {
                let name = run.method.name.padding(toLength: 36, withPad: " ", startingAt: 0)
                let verdict = run.verdict.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                print(name + verdict + String(format: "end (%.3g, %.3g)", run.theta.last!, run.psi.last!))
            }
            print(String(format: "wrote %@ and %d figure files to %@ in %.2f s", DiracLog.fileName, written.count,
                         folder.path, Date().timeIntervalSince(start)))
        }
    }
}

extension OptimizerConfig.Kind: ExpressibleByArgument {}
