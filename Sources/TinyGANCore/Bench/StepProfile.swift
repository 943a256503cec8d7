/// Where one training run's time goes: each kernel of a D step and a G step
/// timed alone on the run's own buffers, against the bound of the core's
/// arithmetic units (a roofline for small networks, whose data all stay in
/// L1: compute, not memory, is the roof).
///
/// Kernels and their calls per step (REFERENCE.md, "One D step", "One G
/// step"; `AdversarialSteps`), for 1-D and 2-D runs alike (R1, R2 and
/// WGAN-GP's penalties are timed only inside the whole D step):
///
/// | kernel | D step | G step |
/// |---|---|---|
/// | noise: n z-dim values (uniform: two Floats per 64-bit draw) | 1 | 1 |
/// | real minibatch: n values of the target | 1 | 0 |
/// | G forward | 1 | 1 |
/// | D on a minibatch: pre, forward, backward into D | 2 | 0 |
/// | D's input gradient: pre, forward, backward into pre's input | 0 | 1 |
/// | G backward (parameter gradients) | 0 | 1 |
/// | optimizer step | 1 (D) | 1 (G) |
///
/// Bounds, in cycles of the core measured by `CorePeak.measuredGFLOPS`
/// (cycle = 32 FLOPs of AVX2 + FMA: 8 lanes, 2 FMA units): the multiply
/// units take every multiply and fused multiply-add, two vector
/// operations per cycle, while the add units take the adds alongside
/// (the kernels multiply, then add: no contraction). So a dense layer
/// costs in out n / 8 operations forward and as many per product
/// backward, and a tanh 12 per 8 values (the rational form of
/// `Float.rationalTanh`: 10 fused multiply-adds and 2 multiplies). A
/// weight gradient's dot products load both operands: two 8-lane loads
/// per 8 multiply-adds, and the core loads two vectors per cycle, so its
/// bound is in out n / 8 cycles.
public struct StepProfile: Sendable {
    public struct Kernel: Sendable {
        public var name: String
        public var callsPerDStep: Int
        public var callsPerGStep: Int
        /// CPU time of the thread per call, the median over the rounds.
        public var secondsPerCall: Double
        /// The arithmetic bound per call, in cycles (nil: none stated).
        public var boundCycles: Double?
        /// What the bound counts, in words.
        public var boundBasis: String
    }

    public var kernels: [Kernel]
    /// CPU time of whole D and G steps (medians), to set beside the sum of
    /// their kernels.
    public var secondsPerDStep: Double
    public var secondsPerGStep: Double
    public var dStepsPerRun: Int
    public var gStepsPerRun: Int
    /// Cycles per second of the core, from the measured FMA loop.
    public var cyclesPerSecond: Double

    /// Times the kernels of `config`'s steps (1-D or 2-D) over `rounds`
    /// rounds that visit every kernel in turn, each about `roundSeconds`
    /// long, so that the machine's drift falls on all alike.
    public static func measure(_ config: TrainingConfig, seed: UInt64 = 1, rounds: Int = 7,
                               roundSeconds: Double = 0.15) throws -> StepProfile {
        try config.validate()
        let real = config.target.plane.map(RealData.plane)
            ?? .line(config.target, UnitMap(config.dataUnits, target: config.target))
        var steps = AdversarialSteps(config: config, real: real, seed: seed)
        // A few steps first, so that the networks hold trained, not initial, values.
        for _ in 0..<50 {
            steps.discriminatorStep()
            steps.generatorStep()
        }
        let work = Work(config: config)
        var kernels: [(Kernel, (inout AdversarialSteps) -> Void)] = [
            (Kernel(name: "noise", callsPerDStep: 1, callsPerGStep: 1, secondsPerCall: 0, boundCycles: nil,
                    boundBasis: "\(config.zDim * config.batchSize) values, \(config.noise.rawValue)"),
             { $0.fillNoise() }),
            (Kernel(name: "real minibatch", callsPerDStep: 1, callsPerGStep: 0, secondsPerCall: 0, boundCycles: nil,
                    boundBasis: "\(config.batchSize) \(config.target.plane == nil ? "values" : "points") of \(config.target.spec)"),
             { $0.real.fill(&$0.realBatch, count: config.batchSize, using: &$0.rng) }),
            (Kernel(name: "G forward", callsPerDStep: 1, callsPerGStep: 1, secondsPerCall: 0,
                    boundCycles: work.generatorForward, boundBasis: work.generatorForwardBasis),
             { $0.generator.forward($0.noise, into: &$0.fakeBatch) }),
            (Kernel(name: "D on a minibatch", callsPerDStep: 2, callsPerGStep: 0, secondsPerCall: 0,
                    boundCycles: nil, boundBasis: "pre (\(config.discriminatorInput.rawValue)), D forward and backward"
                        + (steps.hasPenalty ? "; penalties only in the whole D step" : "")),
             { _ = $0.discriminatorPass($0.fakeBatch, real: false) }),
            (Kernel(name: "D's input gradient", callsPerDStep: 0, callsPerGStep: 1, secondsPerCall: 0,
                    boundCycles: nil, boundBasis: "pre, D forward, D backward, pre backward"),
             { $0.inputGradientThroughD($0.fakeBatch) }),
            (Kernel(name: "G backward", callsPerDStep: 0, callsPerGStep: 1, secondsPerCall: 0,
                    boundCycles: work.generatorBackward, boundBasis: work.generatorBackwardBasis),
             { $0.generator.backward(outputGradient: $0.fakeGradient) }),
            (Kernel(name: "optimizer steps", callsPerDStep: 1, callsPerGStep: 1, secondsPerCall: 0, boundCycles: nil,
                    boundBasis: "D's and G's, timed together, halved"),
             {
                 $0.discriminatorOptimizer.step(&$0.discriminator.parameters, gradients: $0.discriminator.gradients)
                 $0.generatorOptimizer.step(&$0.generator.parameters, gradients: $0.generator.gradients)
             }),
        ]
        let wholeSteps: [(inout AdversarialSteps) -> Void] = [{ $0.discriminatorStep() }, { $0.generatorStep() }]
        var samples = [[Double]](repeating: [], count: kernels.count + 2)
        let bodies = kernels.map(\.1) + wholeSteps
        var repeats = [Int](repeating: 1, count: bodies.count)
        for (k, body) in bodies.enumerated() {
            let start = ThreadClock.nanoseconds()
            var count = 0
            repeat {
                body(&steps)
                count += 1
            } while Double(ThreadClock.nanoseconds() - start) / 1e9 < roundSeconds / Double(bodies.count)
            repeats[k] = count
        }
        for _ in 0..<max(1, rounds) {
            for (k, body) in bodies.enumerated() {
                let start = ThreadClock.nanoseconds()
                for _ in 0..<repeats[k] { body(&steps) }
                samples[k].append(Double(ThreadClock.nanoseconds() - start) / 1e9 / Double(repeats[k]))
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        for k in kernels.indices { kernels[k].0.secondsPerCall = median(samples[k]) }
        let optimizer = kernels.count - 1
        kernels[optimizer].0.secondsPerCall /= 2
        return StepProfile(kernels: kernels.map(\.0), secondsPerDStep: median(samples[kernels.count]),
                           secondsPerGStep: median(samples[kernels.count + 1]),
                           dStepsPerRun: config.epochs * config.discriminatorSteps,
                           gStepsPerRun: config.epochs * config.generatorSteps,
                           cyclesPerSecond: CorePeak.measuredGFLOPS() * 1e9 / 32)
    }

    /// Seconds of a run spent in `kernel`.
    public func secondsPerRun(_ kernel: Kernel) -> Double {
        kernel.secondsPerCall * Double(kernel.callsPerDStep * dStepsPerRun + kernel.callsPerGStep * gStepsPerRun)
    }

    public var secondsPerRun: Double {
        secondsPerDStep * Double(dStepsPerRun) + secondsPerGStep * Double(gStepsPerRun)
    }

    /// The arithmetic bounds of G's kernels (see the type's comment), in
    /// cycles per call, counting the batch's n samples (not the padding).
    /// Identity, ReLU and leaky ReLU cost no multiply-unit operations
    /// (blends); with a sigmoid or ELU layer no forward bound is stated.
    struct Work {
        var generatorForward: Double?
        var generatorForwardBasis: String
        var generatorBackward: Double
        var generatorBackwardBasis: String

        init(config: TrainingConfig) {
            let sizes = config.generatorSizes, activations = config.generatorActivations
            let n = Double(config.batchSize)
            let layers = zip(sizes, sizes.dropFirst()).map { (inCount: $0, outCount: $1) }
            let products = layers.map { Double($0.inCount * $0.outCount) * n }
            let multiplyAdds = products.reduce(0, +)
            let tanhValues = zip(sizes.dropFirst(), activations).filter { $0.1 == .tanh }
                .map { Double($0.0) * n }.reduce(0, +)
            let unbounded = activations.contains { $0 == .sigmoid || $0 == .elu }
            generatorForward = unbounded ? nil : (multiplyAdds / 8 + tanhValues / 8 * 12) / 2
            generatorForwardBasis = String(format: "%.0f multiply-adds, %.0f tanh", multiplyAdds, tanhValues)
            // dW: a layer's dot products load two vectors per 8 multiply-adds
            // at two loads a cycle; a wide layer's blocked product is
            // bound by its fused multiply-adds, two a cycle. dx (all but
            // the first layer): one multiply-unit operation per 8, two a cycle.
            let weightGradient = zip(layers, products).map { layer, product in
                Kernels.isWide(inCount: layer.inCount, outCount: layer.outCount, batch: config.batchSize)
                    ? product / 8 / 2 : product / 8
            }.reduce(0, +)
            let inputProducts = products.dropFirst().reduce(0, +)
            generatorBackward = weightGradient + inputProducts / 8 / 2
            generatorBackwardBasis = String(format: "%.0f multiply-adds for dW, %.0f for dx", multiplyAdds,
                                            inputProducts)
        }
    }
}
