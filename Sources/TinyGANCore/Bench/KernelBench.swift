import Foundation

/// Times one training step of an MLP's matrix work: `forward`, then
/// `backward` with parameter gradients, on a per-sample batch, ReLU on the
/// hidden layers and identity on the last (the 2-D lab's networks).
///
/// FLOPs counted: a layer with W of shape (out, in) costs 2 in out batch
/// for the forward product W X, the same for the weight gradient dZ X^T,
/// and the same again for the input gradient W^T dZ, which the first layer
/// does not compute. Biases and activations are not counted (they are
/// O(out batch)), but their time is in the step.
public enum KernelBench {
    /// A network's feature counts and its batch, written `2-400-400-2@100`.
    public struct Shape: Sendable, Equatable, CustomStringConvertible {
        public var sizes: [Int]
        public var batch: Int

        public init(sizes: [Int], batch: Int) {
            self.sizes = sizes
            self.batch = batch
        }

        public init(spec: String) throws {
            let parts = spec.split(separator: "@", omittingEmptySubsequences: false)
            let sizes = parts.first.map { $0.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) } } ?? []
            guard parts.count == 2, sizes.count >= 2, sizes.allSatisfy({ ($0 ?? 0) > 0 && $0! <= 8192 }),
                  let batch = Int(parts[1]), batch >= 1, batch <= 65536
            else {
                throw TinyGANError.usage(
                    "--shape \(spec): expected feature counts and a batch, as 2-400-400-2@100 (counts 1 to 8192, batch 1 to 65536)")
            }
            self.init(sizes: sizes.map { $0! }, batch: batch)
        }

        public var description: String { sizes.map(String.init).joined(separator: "-") + " batch \(batch)" }

        public var flopsPerStep: Double {
            let products = zip(sizes, sizes.dropFirst()).map { Double($0 * $1) }
            return 2 * Double(batch) * (2 * products.reduce(0, +) + products.dropFirst().reduce(0, +))
        }
    }

    /// PacGAN's G (4 x 400) and D (3 x 200) and the WGAN-GP toy's 3 x 512.
    public static let defaultShapes = [
        Shape(sizes: [2, 400, 400, 400, 400, 2], batch: 100),
        Shape(sizes: [2, 512, 512, 512, 2], batch: 256),
        Shape(sizes: [4, 200, 200, 200, 1], batch: 100),
    ]

    public struct Timing: Sendable {
        public var secondsPerStep: Double
        public var gflops: Double
    }

    /// The median over `rounds` of the mean step time over as many steps as
    /// fill about `roundSeconds`, in CPU time of the thread (`ThreadClock`).
    public static func time(_ shape: Shape, rounds: Int = 7, roundSeconds: Double = 0.2) -> Timing {
        let activations = Array(repeating: Activation.relu, count: shape.sizes.count - 2) + [.identity]
        var net = MultilayerPerceptron<Float>(sizes: shape.sizes, activations: activations, batchSize: shape.batch)
        var rng = Xoshiro256StarStar(seed: 1)
        net.initializeLikePyTorch(using: &rng)
        let input = (0..<net.inputCount).map { _ in Float(2 * rng.nextDouble() - 1) }
        let outputGradient = (0..<net.outputCount).map { _ in Float(2 * rng.nextDouble() - 1) / Float(shape.batch) }
        var output = [Float](repeating: 0, count: net.outputCount)
        func step() {
            net.forward(input, into: &output)
            net.backward(outputGradient: outputGradient)
        }
        var steps = 0
        let calibration = ThreadClock.nanoseconds()
        repeat {
            step()
            steps += 1
        } while Double(ThreadClock.nanoseconds() - calibration) / 1e9 < roundSeconds
        var times: [Double] = []
        for _ in 0..<max(1, rounds) {
            net.zeroGradients()
            let start = ThreadClock.nanoseconds()
            for _ in 0..<steps { step() }
            times.append(Double(ThreadClock.nanoseconds() - start) / 1e9 / Double(steps))
        }
        if net.gradients.contains(where: { !$0.isFinite }) { print("kernel bench: non-finite gradients") }
        let seconds = times.sorted()[times.count / 2]
        return Timing(secondsPerStep: seconds, gflops: shape.flopsPerStep / seconds / 1e9)
    }
}
