import Testing
import TinyGANCore

/// `tinygan bench --profile`'s table: the kernels of the D and G steps as
/// `AdversarialSteps` states them, and the bounds computed by hand. The
/// times themselves are measured, not tested.
@Suite struct StepProfileTests {
    @Test func articleKernelsAndBounds() throws {
        var config = Presets.article
        config.epochs = 3
        let profile = try StepProfile.measure(config, rounds: 1, roundSeconds: 0.01)
        #expect(profile.kernels.map(\.name) == ["noise", "real minibatch", "G forward", "D on a minibatch",
                                                "D's input gradient", "G backward", "optimizer steps"])
        #expect(profile.kernels.map(\.callsPerDStep) == [1, 1, 1, 2, 0, 0, 1])
        #expect(profile.kernels.map(\.callsPerGStep) == [1, 0, 1, 0, 1, 1, 1])
        #expect(profile.dStepsPerRun == 60 && profile.gStepsPerRun == 60)
        // G 1-5-5-1, tanh twice, 500 samples: 35 x 500 = 17,500 multiply-adds
        // (2,187.5 vector multiplies) and 5,000 tanh (625 vectors of 12
        // multiply-unit operations), on two units.
        let forward = try #require(profile.kernels[2].boundCycles)
        #expect(forward == (17_500.0 / 8 + 5_000.0 / 8 * 12) / 2)
        // dW: 17,500 multiply-adds, two loads each, two loads a cycle; dx of
        // the last two layers: 30 x 500 multiply-adds on two units.
        let backward = try #require(profile.kernels[5].boundCycles)
        #expect(backward == 17_500.0 / 8 + 15_000.0 / 8 / 2)
        #expect(profile.kernels.allSatisfy { $0.secondsPerCall > 0 } && profile.cyclesPerSecond > 1e8)
        #expect(profile.secondsPerDStep > 0 && profile.secondsPerGStep > 0)
    }

    /// The ring's G, 2-64-64-64-2 ReLU on 100 points: 844,800
    /// multiply-adds forward (ReLU is a blend, no multiply-unit work);
    /// backward, the two 64 x 64 layers' weight gradients are blocked
    /// fused multiply-adds (two a cycle), the 2 x 64 and 64 x 2 ones dot
    /// products (loads), and dx of the last three layers on two units.
    @Test func ringBoundsByHand() throws {
        var config = Presets.ring
        config.epochs = 2
        let profile = try StepProfile.measure(config, rounds: 1, roundSeconds: 0.01)
        #expect(profile.kernels[1].boundBasis == "100 points of ring")
        #expect(profile.kernels[2].boundCycles == 844_800.0 / 8 / 2)
        let weightGradient = 12_800.0 / 8 + 2 * 409_600.0 / 8 / 2 + 12_800.0 / 8
        #expect(profile.kernels[5].boundCycles == weightGradient + (409_600.0 * 2 + 12_800) / 8 / 2)
    }

    /// A sigmoid layer in G has no stated forward bound: the table says so
    /// rather than count it as something it is not.
    @Test func noBoundWithASigmoid() throws {
        var config = Presets.article
        config.epochs = 1
        config.generator.activations = [.sigmoid, .tanh]
        let profile = try StepProfile.measure(config, rounds: 1, roundSeconds: 0.01)
        #expect(profile.kernels[2].boundCycles == nil)
    }
}
