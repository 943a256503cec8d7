import Foundation
import Testing
import TinyGANCore

/// The mode-collapse benchmark's folders: one sweep per target and method,
/// resumed only as the same benchmark, never over another folder.
@Suite struct ModeCollapseBenchmarkTests {
    static func quick(seeds: [UInt64] = [1, 2]) throws -> ModeCollapseBenchmark {
        try ModeCollapseBenchmark(targets: ["ring"], methods: try ModeCollapseMethod.named(["gan", "pacgan3"]),
                                  seeds: seeds, epochs: 20)
    }

    /// Each method's settings reach its runs on each target: PacGAN3 on
    /// batches of 99, WGAN-GP with 5 critic steps and beta2 0.9, R1 with gamma 1.
    @Test func methodsSetTheirSettings() throws {
        let all = try ModeCollapseBenchmark(seeds: [1])
        func config(_ target: String, _ key: String) throws -> TrainingConfig {
            try all.plan(target: target, method: ModeCollapseMethod.named([key])[0]).baseConfig
        }
        #expect(all.targets == ["ring", "grid"] && all.methods.map(\.name)
                    == ["GAN", "PacGAN2", "PacGAN3", "PacGAN4", "WGAN-GP", "R1"])
        for target in ["ring", "grid"] {
            #expect(try config(target, "gan") == (target == "ring" ? Presets.ring : Presets.grid).withLogDefaults)
            let pac3 = try config(target, "pacgan3")
            #expect(pac3.pack == 3 && pac3.batchSize == 99)
            let wgan = try config(target, "wgan-gp")
            #expect(wgan.loss == .wassersteinGP && wgan.discriminatorSteps == 5 && wgan.gpWeight == 10
                        && wgan.discriminatorOptimizer.beta2 == 0.9 && wgan.generatorOptimizer.beta2 == 0.9)
            #expect(try config(target, "r1").gradientPenalty == 1)
        }
        #expect(throws: TinyGANError.self) { try ModeCollapseMethod.named(["gan", "vae"]) }
        #expect(throws: TinyGANError.self) { try ModeCollapseBenchmark(targets: ["swiss-roll"], seeds: [1]) }
    }

    /// Prepared, trained, summarized; an existing folder is refused without
    /// --resume, and with it unless it holds the same benchmark; a file or
    /// a link where the folder should be is refused and left alone.
    @Test func foldersResumeAndRefusals() throws {
        let root = temporarySweep()
        let benchmark = try Self.quick()
        let folders = try benchmark.prepare(at: root, resume: false)
        #expect(folders.map { $0.url.path } == ["gan", "pacgan3"].map { root.path + "/ring/" + $0 })
        try SweepFolder.train(try SweepFolder.pendingRuns(of: folders), threads: 2)
        let results = try benchmark.summarize(at: root)
        #expect(results.map(\.method.key) == ["gan", "pacgan3"] && results.allSatisfy { $0.summary.rows.count == 2 })
        #expect(try ModeCollapseBenchmark.open(root) == benchmark)

        #expect { try benchmark.prepare(at: root, resume: false) } throws: { "\($0)".contains("add --resume") }
        #expect { try Self.quick(seeds: [1, 2, 3]).prepare(at: root, resume: true) } throws: {
            "\($0)".contains("holds a different benchmark")
        }
        let again = try benchmark.prepare(at: root, resume: true)
        #expect(try again.allSatisfy { try $0.pendingRuns().isEmpty })

        let other = temporarySweep()
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        #expect { try benchmark.prepare(at: other, resume: true) } throws: { "\($0)".contains("not a benchmark folder") }
        let file = other.appendingPathComponent("file")
        try Data("mine".utf8).write(to: file)
        #expect { try benchmark.prepare(at: file, resume: true) } throws: { "\($0)".contains("a regular file") }
        let link = other.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
        #expect { try benchmark.prepare(at: link, resume: true) } throws: { "\($0)".contains("symbolic link") }
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path).sorted() == ["file", "link"])
    }
}

extension TrainingConfig {
    /// With the sweeps' log and snapshot intervals (`SweepPlan.defaults`).
    var withLogDefaults: TrainingConfig {
        var config = self
        config.logInterval = 50
        config.snapshotInterval = 1_000_000_000
        return config
    }
}
