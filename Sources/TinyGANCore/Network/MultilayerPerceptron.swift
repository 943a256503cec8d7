/// A fully connected network: Linear, activation, Linear, activation, ...
///
/// Shapes. Layer l maps `sizes[l]` features to `sizes[l + 1]`:
/// z = W x + b with W of shape (out, in), stored row-major, then a = f(z).
/// All values are feature-major: feature i of sample n lives at
/// `i * batchSize + n`, so every inner loop runs over the batch, contiguous
/// and vectorizable. The generator is applied per sample (in = 1, batch =
/// 500); the discriminator sees one whole minibatch as one sample (batch = 1).
///
/// Parameters are one flat array in PyTorch's order (W_0, b_0, W_1, b_1, ...),
/// gradients a second one of the same layout, so an optimizer step is one
/// loop and a divergence check one sum. Every buffer is allocated in `init`;
/// `forward` and `backward` allocate nothing.
public struct MultilayerPerceptron<S: NetworkScalar>: Sendable {
    /// Feature counts: input, hidden..., output.
    public let sizes: [Int]
    /// One activation per layer (`sizes.count - 1` of them).
    public let activations: [Activation]
    public let batchSize: Int
    public var parameters: [S]
    /// dLoss/dParameters, accumulated by `backward` until `zeroGradients`.
    public private(set) var gradients: [S]

    let weightOffsets: [Int]
    let biasOffsets: [Int]
    /// values[valueOffsets[l] ..< valueOffsets[l + 1]]: the input (l = 0) or
    /// the output of layer l - 1, shape (sizes[l], batch).
    let valueOffsets: [Int]
    var values: [S]
    /// dLoss/d(values), same layout; for layer outputs it becomes dLoss/dz.
    var deltas: [S]

    public var layerCount: Int { sizes.count - 1 }
    public var inputCount: Int { sizes[0] * batchSize }
    public var outputCount: Int { sizes[layerCount] * batchSize }

    /// A network with all parameters zero; see `initializeLikePyTorch`.
    public init(sizes: [Int], activations: [Activation], batchSize: Int) {
        precondition(sizes.count >= 2 && activations.count == sizes.count - 1)
        precondition(sizes.allSatisfy { $0 > 0 } && batchSize > 0)
        self.sizes = sizes
        self.activations = activations
        self.batchSize = batchSize
        var weightOffsets: [Int] = [], biasOffsets: [Int] = [], offset = 0
        for l in 0..<(sizes.count - 1) {
            weightOffsets.append(offset)
            offset += sizes[l + 1] * sizes[l]
            biasOffsets.append(offset)
            offset += sizes[l + 1]
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        parameters = [S](repeating: 0, count: offset)
        gradients = [S](repeating: 0, count: offset)
        var valueOffsets = [0]
        for size in sizes { valueOffsets.append(valueOffsets.last! + size * batchSize) }
        self.valueOffsets = valueOffsets
        values = [S](repeating: 0, count: valueOffsets.last!)
        deltas = [S](repeating: 0, count: valueOffsets.last!)
    }

    /// PyTorch's `nn.Linear` default: every weight and bias of a layer with
    /// fan-in k uniform on [-1/sqrt(k), 1/sqrt(k)), drawn as (2u - 1) / sqrt(k)
    /// with u = `rng.nextDouble()`, layer by layer, W (row-major) before b.
    public mutating func initializeLikePyTorch(using rng: inout Xoshiro256StarStar) {
        for l in 0..<layerCount {
            let bound = 1 / Double(sizes[l]).squareRoot()
            for i in weightOffsets[l]..<(biasOffsets[l] + sizes[l + 1]) {
                parameters[i] = S((2 * rng.nextDouble() - 1) * bound)
            }
        }
    }

    /// Copies `source` into `parameters` without reallocating.
    public mutating func loadParameters(_ source: [S]) {
        precondition(source.count == parameters.count)
        for i in source.indices { parameters[i] = source[i] }
    }

    public mutating func zeroGradients() {
        for i in gradients.indices { gradients[i] = 0 }
    }

    /// output = net(input); `input` has `inputCount` values, `output` at
    /// least `outputCount`, both feature-major.
    public mutating func forward(_ input: [S], into output: inout [S]) {
        precondition(input.count >= inputCount && output.count >= outputCount)
        let sizes = self.sizes, batch = batchSize, activations = self.activations
        let valueOffsets = self.valueOffsets, weightOffsets = self.weightOffsets
        let biasOffsets = self.biasOffsets, layerCount = self.layerCount
        let inputCount = self.inputCount, outputCount = self.outputCount
        parameters.withUnsafeBufferPointer { p in
            values.withUnsafeMutableBufferPointer { v in
                input.withUnsafeBufferPointer { v.baseAddress!.update(from: $0.baseAddress!, count: inputCount) }
                for l in 0..<layerCount {
                    let x = v.baseAddress! + valueOffsets[l]
                    let y = v.baseAddress! + valueOffsets[l + 1]
                    let w = p.baseAddress! + weightOffsets[l]
                    let b = p.baseAddress! + biasOffsets[l]
                    Kernels.affine(weights: w, bias: b, input: x, output: y,
                                   inCount: sizes[l], outCount: sizes[l + 1], batch: batch)
                    activations[l].apply(y, count: sizes[l + 1] * batch)
                }
                output.withUnsafeMutableBufferPointer {
                    $0.baseAddress!.update(from: v.baseAddress! + valueOffsets[layerCount], count: outputCount)
                }
            }
        }
    }

    /// Back-propagates dLoss/dOutput through the last `forward` and adds
    /// dLoss/dParameters to `gradients`.
    public mutating func backward(outputGradient: [S]) {
        var unused: [S] = []
        backpropagate(outputGradient, inputGradient: &unused, wantsInputGradient: false,
                      accumulatesParameterGradients: true)
    }

    /// Back-propagates dLoss/dOutput and writes dLoss/dInput to
    /// `inputGradient` (at least `inputCount` values). With
    /// `accumulatesParameterGradients` false the parameter gradients are left
    /// alone: the generator step needs D's input gradient, not D's own.
    public mutating func backward(
        outputGradient: [S], inputGradient: inout [S], accumulatesParameterGradients: Bool = true
    ) {
        precondition(inputGradient.count >= inputCount)
        backpropagate(outputGradient, inputGradient: &inputGradient, wantsInputGradient: true,
                      accumulatesParameterGradients: accumulatesParameterGradients)
    }

    private mutating func backpropagate(
        _ outputGradient: [S], inputGradient: inout [S], wantsInputGradient: Bool,
        accumulatesParameterGradients: Bool
    ) {
        precondition(outputGradient.count >= outputCount)
        let sizes = self.sizes, batch = batchSize, activations = self.activations
        let valueOffsets = self.valueOffsets, weightOffsets = self.weightOffsets
        let biasOffsets = self.biasOffsets, layerCount = self.layerCount
        let inputCount = self.inputCount, outputCount = self.outputCount
        parameters.withUnsafeBufferPointer { p in
            gradients.withUnsafeMutableBufferPointer { g in
                values.withUnsafeBufferPointer { v in
                    deltas.withUnsafeMutableBufferPointer { d in
                        let last = valueOffsets[layerCount]
                        outputGradient.withUnsafeBufferPointer {
                            (d.baseAddress! + last).update(from: $0.baseAddress!, count: outputCount)
                        }
                        for l in stride(from: layerCount - 1, through: 0, by: -1) {
                            let x = v.baseAddress! + valueOffsets[l]
                            let a = v.baseAddress! + valueOffsets[l + 1]
                            let dx = d.baseAddress! + valueOffsets[l]
                            let dz = d.baseAddress! + valueOffsets[l + 1]
                            let inCount = sizes[l], outCount = sizes[l + 1]
                            activations[l].multiplyByDerivative(dz, outputs: a, count: outCount * batch)
                            if accumulatesParameterGradients {
                                Kernels.accumulateAffineGradients(
                                    outputGradient: dz, input: x,
                                    weightGradient: g.baseAddress! + weightOffsets[l],
                                    biasGradient: g.baseAddress! + biasOffsets[l],
                                    inCount: inCount, outCount: outCount, batch: batch)
                            }
                            if l > 0 || wantsInputGradient {
                                Kernels.affineInputGradient(
                                    weights: p.baseAddress! + weightOffsets[l], outputGradient: dz,
                                    inputGradient: dx, inCount: inCount, outCount: outCount, batch: batch)
                            }
                        }
                        if wantsInputGradient {
                            inputGradient.withUnsafeMutableBufferPointer {
                                $0.baseAddress!.update(from: d.baseAddress!, count: inputCount)
                            }
                        }
                    }
                }
            }
        }
    }
}
