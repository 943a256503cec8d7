/// A fully connected network: Linear, activation, Linear, activation, ...
///
/// Shapes. Layer l maps `sizes[l]` features to `sizes[l + 1]`:
/// z = W x + b with W of shape (out, in), stored row-major, then a = f(z).
/// Inputs and outputs are feature-major: feature i of sample n at
/// `i * batchSize + n`. Inside, each feature's row is padded to `stride`, a
/// multiple of 16, so that every inner loop runs over whole vectors of the
/// batch (in a network with a wide layer, an odd multiple of 16:
/// `Kernels.rowLength`). Padding lanes hold finite values in the forward pass and zero
/// gradients in the backward pass (their output gradient is never set), so
/// they add exactly nothing to the parameter gradients. The generator is
/// applied per sample (in = 1, batch = 500, stride 512); the discriminator
/// sees one whole minibatch as one sample (batch = 1, stride 1).
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
    /// The padded row length: 1 for a batch of 1, else a multiple of 16.
    let stride: Int
    public var parameters: [S]
    /// dLoss/dParameters, accumulated by `backward` until `zeroGradients`.
    public internal(set) var gradients: [S]

    /// Where each layer's pieces live in the flat buffers.
    struct Layer {
        var inCount, outCount: Int
        var activation: Activation
        /// Offsets of W and b in `parameters` (and `gradients`).
        var weights, bias: Int
        /// Offsets of the layer's input and output in `values` (and `deltas`).
        var input, output: Int
    }

    let layers: [Layer]
    /// The input (shape (sizes[0], batch)), then each layer's output.
    var values: [S]
    /// dLoss/d(values), same layout; for layer outputs it becomes dLoss/dz.
    var deltas: [S]
    /// Room for a wide layer's input, transposed (see
    /// `Kernels.accumulateWideWeightGradient`); empty if no layer is wide.
    var transposeScratch: [S]

    var rows: RowLayout { RowLayout(batch: batchSize, stride: stride) }
    public var inputCount: Int { sizes[0] * batchSize }
    public var outputCount: Int { sizes[sizes.count - 1] * batchSize }

    /// A network with all parameters zero; see `initializeLikePyTorch`.
    public init(sizes: [Int], activations: [Activation], batchSize: Int) {
        precondition(sizes.count >= 2 && activations.count == sizes.count - 1)
        precondition(sizes.allSatisfy { $0 > 0 } && batchSize > 0)
        self.sizes = sizes
        self.activations = activations
        self.batchSize = batchSize
        let wide = zip(sizes, sizes.dropFirst()).contains {
            Kernels.isWide(inCount: $0, outCount: $1, batch: batchSize)
        }
        let stride = batchSize == 1 ? 1 : wide ? Kernels.rowLength(batchSize) : (batchSize + 15) / 16 * 16
        self.stride = stride
        var layers: [Layer] = [], parameterCount = 0, valueCount = sizes[0] * stride
        for l in 0..<(sizes.count - 1) {
            let weights = parameterCount, bias = weights + sizes[l + 1] * sizes[l]
            parameterCount = bias + sizes[l + 1]
            let input = valueCount - sizes[l] * stride
            layers.append(Layer(inCount: sizes[l], outCount: sizes[l + 1], activation: activations[l],
                                weights: weights, bias: bias, input: input, output: valueCount))
            valueCount += sizes[l + 1] * stride
        }
        self.layers = layers
        parameters = [S](repeating: 0, count: parameterCount)
        gradients = [S](repeating: 0, count: parameterCount)
        values = [S](repeating: 0, count: valueCount)
        deltas = [S](repeating: 0, count: valueCount)
        transposeScratch = [S](repeating: 0, count: layers.map {
            Kernels.isWide(inCount: $0.inCount, outCount: $0.outCount, batch: stride)
                ? Kernels.transposeScratchCount(inCount: $0.inCount, outCount: $0.outCount, batch: stride) : 0
        }.max()!)
    }

    /// PyTorch's `nn.Linear` default: every weight and bias of a layer with
    /// fan-in k uniform on [-1/sqrt(k), 1/sqrt(k)), drawn as (2u - 1) / sqrt(k)
    /// with u = `rng.nextDouble()`, layer by layer, W (row-major) before b.
    public mutating func initializeLikePyTorch(using rng: inout Xoshiro256StarStar) {
        for layer in layers {
            let bound = 1 / Double(layer.inCount).squareRoot()
            for i in layer.weights..<(layer.bias + layer.outCount) {
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
        let layers = self.layers, stride = self.stride, rows = self.rows
        parameters.withUnsafeBufferPointer { p in
            values.withUnsafeMutableBufferPointer { v in
                let p = p.baseAddress!, v = v.baseAddress!
                input.withUnsafeBufferPointer { rows.pad($0.baseAddress!, into: v, count: layers[0].inCount) }
                for layer in layers {
                    let y = v + layer.output
                    Kernels.affine(weights: p + layer.weights, bias: p + layer.bias, input: v + layer.input,
                                   output: y, inCount: layer.inCount, outCount: layer.outCount, batch: stride)
                    layer.activation.apply(y, count: layer.outCount * stride, batch: stride)
                }
                let last = layers[layers.count - 1]
                output.withUnsafeMutableBufferPointer {
                    rows.unpad(v + last.output, into: $0.baseAddress!, count: last.outCount)
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
        let layers = self.layers, batch = stride, rows = self.rows
        parameters.withUnsafeBufferPointer { p in
            gradients.withUnsafeMutableBufferPointer { g in
                values.withUnsafeBufferPointer { v in
                    deltas.withUnsafeMutableBufferPointer { d in
                    transposeScratch.withUnsafeMutableBufferPointer { t in
                        let p = p.baseAddress!, g = g.baseAddress!, v = v.baseAddress!, d = d.baseAddress!
                        let t = t.baseAddress
                        let last = layers[layers.count - 1]
                        outputGradient.withUnsafeBufferPointer {
                            rows.pad($0.baseAddress!, into: d + last.output, count: last.outCount)
                        }
                        for (l, layer) in layers.enumerated().reversed() {
                            let dz = d + layer.output
                            layer.activation.multiplyByDerivative(dz, outputs: v + layer.output,
                                                                  count: layer.outCount * batch)
                            if accumulatesParameterGradients {
                                Kernels.accumulateAffineGradients(
                                    outputGradient: dz, input: v + layer.input, weightGradient: g + layer.weights,
                                    biasGradient: g + layer.bias, inCount: layer.inCount,
                                    outCount: layer.outCount, batch: batch, transposeScratch: t)
                            }
                            if l > 0 || wantsInputGradient {
                                Kernels.affineInputGradient(
                                    weights: p + layer.weights, outputGradient: dz, inputGradient: d + layer.input,
                                    inCount: layer.inCount, outCount: layer.outCount, batch: batch,
                                    transposeScratch: t)
                            }
                        }
                        if wantsInputGradient {
                            inputGradient.withUnsafeMutableBufferPointer {
                                rows.unpad(d, into: $0.baseAddress!, count: layers[0].inCount)
                            }
                        }
                    }
                    }
                }
            }
        }
    }
}

/// Copies between caller rows of `batch` values and padded rows of `stride`.
struct RowLayout {
    let batch: Int
    let stride: Int

    /// Writes `count` rows; the padding lanes of `padded` are left alone.
    @inline(__always)
    func pad<S>(_ packed: UnsafePointer<S>, into padded: UnsafeMutablePointer<S>, count: Int) {
        for row in 0..<count { (padded + row * stride).update(from: packed + row * batch, count: batch) }
    }

    @inline(__always)
    func unpad<S>(_ padded: UnsafePointer<S>, into packed: UnsafeMutablePointer<S>, count: Int) {
        for row in 0..<count { (packed + row * batch).update(from: padded + row * stride, count: batch) }
    }
}
