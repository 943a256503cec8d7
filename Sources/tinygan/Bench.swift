import ArgumentParser
import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

extension TinyGAN {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time full training runs on one core and report peak memory.",
            discussion: """
                Build in release mode first: swift build -c release; .build/release/tinygan bench

                \(ConfigOptions.settingsHelp)
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "Runs to time (seeds 1...N).")
        var runs = 5

        @Flag(help: "Also time reading the first run's log and drawing all figures from it, as PNG and SVG.")
        var figures = false

        @Flag(help: "Only time each kind of target's sampler (ns per value, against the Gaussian's) and exit.")
        var samplers = false

        @Flag(help: "Only time the matrix kernels (an MLP's forward and backward, GFLOP/s against the core's peak) and exit.")
        var kernels = false

        @Flag(help: "Only time each kernel of a training step on the settings' run (the article's by default; 1-D or 2-D): CPU time per call and per run, against the arithmetic units' bound; then exit.")
        var profile = false

        @Option(name: .customLong("shape"), help: ArgumentHelp(
            "With --kernels: a network and batch to time, as 2-400-400-2@100 (repeatable; default PacGAN's G and D and the WGAN-GP toy's).",
            valueName: "sizes@batch"))
        var shapes: [String] = []

        @Option(name: .customLong("read-log"), help: ArgumentHelp(
            "Only time reading this run log (MB/s: thinned for figures, whole, and with JSONDecoder for every line) and exit.",
            valueName: "file"))
        var readLog: String?

        func validate() throws {
            guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        }

        func run() throws {
            #if DEBUG
            print("warning: this is a debug build; build with -c release for meaningful numbers")
            #endif
            if let readLog { return try LogReadBench.run(URL(fileURLWithPath: readLog)) }
            if kernels { return try timeKernels() }
            guard shapes.isEmpty else { throw TinyGANError.usage("--shape needs --kernels") }
            let (config, firstSeed) = try options.resolve()
            if samplers { return timeSamplers(extra: config.target) }
            if profile { return try printProfile(config, seed: firstSeed) }
            print("preset \(config.preset): \(config.epochs) epochs of \(config.discriminatorSteps)+\(config.generatorSteps) steps, batch \(config.batchSize)")
            let gaugeBefore = MachineGauge.seconds()
            var seconds: [Double] = []
            var firstLog: RunLog?
            for k in 0..<runs {
                let seed = firstSeed + UInt64(k)
                let (elapsed, outcome, log) = try Self.timeRun(config, seed: seed)
                seconds.append(elapsed)
                if firstLog == nil { firstLog = log }
                print(String(format: "  seed %llu: %.3f s (%@)", seed, elapsed, outcome))
            }
            let sorted = seconds.sorted()
            let median = sorted[sorted.count / 2]
            print(String(format: "seconds per run: min %.3f, median %.3f, max %.3f over %d runs",
                         sorted.first!, median, sorted.last!, runs))
            let gauge = (gaugeBefore + MachineGauge.seconds()) / 2
            print(String(format: "machine gauge: %.3f ms (MachineGauge: 2^20 FMA + 2^20 tanh, median before and after); "
                         + "median run = %.0f gauge units", gauge * 1e3, median / gauge))
            print(String(format: "peak memory (max RSS): %.1f MB", Self.peakResidentMegabytes()))
            if figures, let firstLog { try timeFigures(firstLog) }
        }

        /// One run's wall time, its outcome in words, and its log (1-D runs;
        /// nil for a 2-D run, whose figures `--figures` does not time).
        static func timeRun(_ config: TrainingConfig, seed: UInt64) throws -> (Double, String, RunLog?) {
            let start = DispatchTime.now()
            func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
            if config.target.plane != nil {
                var trainer = try PlaneTrainer(config: config, seed: seed)
                let log = trainer.run()
                return (elapsed(), Summary.metrics(log.final!.evaluation), nil)
            }
            var trainer = try TinyGANCore.Trainer(config: config, seed: seed)
            let log = trainer.run()
            let seconds = elapsed(), e = log.final!.evaluation
            return (seconds, String(format: "final mean %.3f, std %.3f", e.mean, e.std), log)
        }

        /// GFLOP/s of each shape's training step, against the core's nominal
        /// peak (from /proc/cpuinfo) and a measured FMA loop, both in CPU time
        /// of the thread.
        func timeKernels() throws {
            let chosen = try shapes.isEmpty ? KernelBench.defaultShapes : shapes.map(KernelBench.Shape.init(spec:))
            let measured = CorePeak.measuredGFLOPS()
            if let peak = CorePeak.detect() {
                print(String(format: "core peak: %@, %d FLOP/cycle (%d lanes x 2 FMA units x 2) at %.0f MHz = %.1f GFLOP/s nominal; "
                             + "measured FMA loop %.1f GFLOP/s", peak.vectorUnits, peak.flopsPerCycle, peak.lanes,
                             peak.megahertz, peak.nominalGFLOPS, measured))
            } else {
                print(String(format: "core peak: measured FMA loop %.1f GFLOP/s (no /proc/cpuinfo)", measured))
            }
            for shape in chosen {
                let timing = KernelBench.time(shape)
                let name = shape.description
                print(name + String(repeating: " ", count: max(1, 34 - name.count))
                    + String(format: "%8.3f ms CPU per step  %6.1f GFLOP/s  (%.0f%% of the measured peak)",
                             timing.secondsPerStep * 1e3, timing.gflops, 100 * timing.gflops / measured))
            }
        }

        /// The kernels of one run's steps (`StepProfile`), as a table.
        func printProfile(_ config: TrainingConfig, seed: UInt64) throws {
            let profile = try StepProfile.measure(config, seed: seed)
            let gigahertz = profile.cyclesPerSecond / 1e9
            print(String(format: "preset %@: %d D steps and %d G steps per run; CPU time of the thread, medians of 7 "
                         + "rounds; core clock %.2f GHz (from the measured FMA loop, 32 FLOP per cycle)",
                         config.preset, profile.dStepsPerRun, profile.gStepsPerRun, gigahertz))
            print("kernel                 calls D/G   us per call   s per run   share   cycles   bound   of bound   what")
            let total = profile.secondsPerRun
            for kernel in profile.kernels {
                let cycles = kernel.secondsPerCall * profile.cyclesPerSecond
                let bound = kernel.boundCycles.map { String(format: "%7.0f   %6.0f%%", $0, 100 * $0 / cycles) }
                    ?? "      -         -"
                let perRun = profile.secondsPerRun(kernel)
                let name = kernel.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                print(name + String(format: " %5d/%-5d %11.2f %11.3f %6.1f%% %8.0f ", kernel.callsPerDStep,
                                    kernel.callsPerGStep, kernel.secondsPerCall * 1e6, perRun, 100 * perRun / total,
                                    cycles) + bound + "   " + kernel.boundBasis)
            }
            let kernels = profile.kernels.map(profile.secondsPerRun).reduce(0, +)
            print(String(format: "whole steps: D %.2f us, G %.2f us; %.3f s per run (the kernels above sum to %.3f s, "
                         + "%.0f%%; the rest is the steps' own work: losses, zeroing, copies)",
                         profile.secondsPerDStep * 1e6, profile.secondsPerGStep * 1e6, total, kernels,
                         100 * kernels / total))
        }

        /// Nanoseconds per value of each target's `fill` into a 500-value
        /// batch (the article's minibatch) in CPU time of the thread, over 9
        /// rounds of 2e6 values that visit every target in turn, so that the
        /// machine's drift falls on all alike: the median per value, and the
        /// median over the rounds of the ratio to the article's Gaussian in
        /// the same round.
        func timeSamplers(extra: Target) {
            let specs = ["gaussian:4,1.25", "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)", "uniform:0,1", "laplace:0,1",
                         "lognormal:0,0.5", "student-t:5,0,1"]
            var targets = specs.map { try! Target(spec: $0) }
            if !targets.contains(extra) { targets.append(extra) }
            var batch = [Float](repeating: 0, count: 500)
            var rng = Xoshiro256StarStar(seed: 1)
            let rounds = 9
            var nanoseconds = [[Double]](repeating: [], count: targets.count)
            for _ in 0..<rounds {
                for (k, target) in targets.enumerated() {
                    let start = ThreadClock.nanoseconds()
                    for _ in 0..<4000 { target.fill(&batch, using: &rng) }
                    nanoseconds[k].append(Double(ThreadClock.nanoseconds() - start) / 2e6)
                }
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            print("ns per value in CPU time of the thread, median of \(rounds) rounds; ratio to the Gaussian in the same round, median and range")
            for (k, target) in targets.enumerated() {
                let ratios = zip(nanoseconds[k], nanoseconds[0]).map { $0 / $1 }
                let name = String(target.spec.prefix(40))
                print(name + String(repeating: " ", count: 41 - name.count)
                    + String(format: "%6.2f ns per value (%.2fx the Gaussian; %.2f to %.2f)", median(nanoseconds[k]),
                             median(ratios), ratios.min()!, ratios.max()!))
            }
        }

        /// Median over 5 repetitions of: reading the log, then drawing all
        /// eight figures in each format.
        func timeFigures(_ log: RunLog) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-bench-\(getpid())")
            defer { try? FileManager.default.removeItem(at: folder) }
            let logURL = folder.appendingPathComponent("run.jsonl")
            try RunLogCoding.write(log, to: logURL)
            func median(_ work: () throws -> Void) rethrows -> Double {
                var times: [Double] = []
                for _ in 0..<5 {
                    let start = DispatchTime.now()
                    try work()
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                }
                return times.sorted()[2]
            }
            var loaded = log
            let read = try median { loaded = try RunLogCoding.load(from: logURL) }
            print(String(format: "reading the run log: %.3f s", read))
            let renderer = try CairoRenderer()
            for format in ImageFormat.allCases {
                let files = FigureFiles(renderer: renderer, formats: [format])
                let draw = try median {
                    _ = try files.write(FigureKind.allCases, logs: [(source: "run", log: loaded)], to: folder)
                }
                print(String(format: "drawing all %d figures as %@: %.3f s", FigureKind.allCases.count,
                             format.rawValue.uppercased(), draw))
            }
        }

        static func peakResidentMegabytes() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
        }
    }
}
