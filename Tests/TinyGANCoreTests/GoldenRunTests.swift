import Testing
import TinyGANCore

/// Pinned numbers of a short article run, so that work on speed (kernels,
/// samplers, the trainer's loop) cannot change a single bit unnoticed.
///
/// The article's preset, 20 epochs, seed 1: the FNV-1a 64 hash of the bit
/// patterns of G's final parameters, D's, and the last generated minibatch
/// (500 values), in order. The expected values were computed from the log
/// that the binary before the fused small-network kernels wrote
/// (`tinygan train --epochs 20 --seed 1`, hashed by the same rule in
/// Python). A deliberate change of the numerics (another tanh, another
/// random stream) must update them, and say why, with the 100-seed sweep
/// re-run beside it.
@Suite struct GoldenRunTests {
    static func fnv1a(_ values: [Float]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            hash ^= UInt64(value.bitPattern)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    @Test func articleRunIsBitForBitTheSame() throws {
        var config = Presets.article
        config.epochs = 20
        var trainer = try Trainer(config: config, seed: 1)
        let final = try #require(trainer.run().final)
        #expect(Self.fnv1a(try #require(final.generator).parameters) == 0x4648_d8bb_1c3a_25b8)
        #expect(Self.fnv1a(try #require(final.discriminator).parameters) == 0x5862_ac54_8916_ed37)
        #expect(Self.fnv1a(final.lastBatch) == 0x5a35_474f_6aec_a205)
    }
}

extension GoldenRunTests {
    /// The `ring` preset, 200 epochs, seed 1: D judges single points, and
    /// its 64 x 64 layers take the wide kernels; G's final 2,500 points (5,000 values)
    /// come from the evaluation stream (hashed as above, from the log of
    /// `tinygan train --preset ring --epochs 200 --seed 1`).
    @Test func ringRunIsBitForBitTheSame() throws {
        var config = Presets.ring
        config.epochs = 200
        var trainer = try PlaneTrainer(config: config, seed: 1)
        let final = try #require(trainer.run().final)
        #expect(Self.fnv1a(final.generator.parameters) == 0x8d42_8e84_856b_6c60)
        #expect(Self.fnv1a(final.discriminator.parameters) == 0xd16b_ff9b_b499_15c3)
        #expect(Self.fnv1a(final.points) == 0xb18f_ed74_a279_9757)
    }
}
