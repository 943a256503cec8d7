import Foundation
import Testing
import TinyGANCore

/// `g-average`: the moving average of G's parameters is what snapshots and
/// final records log, and it leaves the training itself unchanged.
@Suite struct GeneratorAverageTests {
    static let beta: Float = 0.9

    /// a_0 = theta_0, a_k = beta a_(k-1) + (1 - beta) theta_k, in Float as
    /// the trainer computes it, over G's parameters after each G step
    /// (one G step per epoch: the snapshots of a run without the average).
    static func average(_ history: [[Float]]) -> [Float] {
        var a = history[0]
        for theta in history.dropFirst() {
            for i in a.indices { a[i] = beta * a[i] + (1 - beta) * theta[i] }
        }
        return a
    }

    static func config(_ arguments: [String]) throws -> TrainingConfig {
        var layer = SettingLayer(source: "test")
        var words = arguments[...]
        while let key = words.popFirst(), let value = words.popFirst() {
            if key == "--preset" { layer.preset = value } else { try layer.set(String(key.dropFirst(2)), .text(value)) }
        }
        return try TrainingConfig.resolve([layer])
    }

    /// In the plane: the averaged run's final G is the average, bit for
    /// bit, of the plain run's G after every step; its points are that G's;
    /// D, trained alongside, is the same in both runs.
    @Test func planeRunLogsTheAverage() throws {
        let base = ["--preset", "ring", "--epochs", "40", "--g-hidden", "8,8", "--d-hidden", "8,8"]
        var plainTrainer = try PlaneTrainer(config: try Self.config(base + ["--snapshot-interval", "1"]), seed: 3)
        let plain = plainTrainer.run()
        var averagedTrainer = try PlaneTrainer(config: try Self.config(base + ["--g-average", "0.9"]), seed: 3)
        let averaged = averagedTrainer.run()
        let history = plain.snapshots.map(\.generator.parameters)
        #expect(history.count == 41)
        let final = try #require(averaged.final)
        #expect(final.generator.parameters == Self.average(history))
        #expect(final.generator.parameters != plain.final?.generator.parameters)
        #expect(final.discriminator == plain.final?.discriminator)
        #expect(averagedTrainer.generator.parameters == history.last)
    }

    /// On the line: the same, through the 1-D trainer's snapshots; the
    /// epoch records (the training minibatches) are unchanged.
    @Test func lineRunLogsTheAverage() throws {
        let base = ["--epochs", "30", "--g-steps", "1", "--d-steps", "1", "--batch-size", "50"]
        var plainTrainer = try Trainer(config: try Self.config(base + ["--snapshot-interval", "1"]), seed: 2)
        let plain = plainTrainer.run()
        var averagedTrainer = try Trainer(config: try Self.config(base + ["--g-average", "0.9"]), seed: 2)
        let averaged = averagedTrainer.run()
        let history = plain.snapshots.map(\.generator.parameters)
        #expect(history.count == 31)
        #expect(averaged.final?.generator?.parameters == Self.average(history))
        #expect(averaged.epochs == plain.epochs)
    }

    @Test func zeroKeepsNoAverageAndOneIsRefused() throws {
        #expect(try Self.config([]).generatorAverage == 0)
        #expect(throws: TinyGANError.self) { try Self.config(["--g-average", "1"]) }
        #expect(throws: TinyGANError.self) { try Self.config(["--g-average", "-0.1"]) }
    }
}
