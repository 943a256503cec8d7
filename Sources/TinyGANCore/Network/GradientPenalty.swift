/// A gradient penalty on D's slope: a function P of v = dl/dx, the
/// gradient of l, the pre-activation of the network's single output (D's
/// logit, or a critic's score), with respect to the inputs x of its last
/// `forward`, and its gradient dP/dtheta, added to the network's parameter
/// gradients. `PenaltyShape` says how P depends on s2 = |v|^2 and gives
/// k = dP/d(s2 / 2):
///
/// - R1 and R2 (Mescheder, Geiger and Nowozin, "Which training methods for
///   GANs actually converge?", 2018): P = (gamma / 2) (1/m) sum_j |dl_j/dx_j|^2
///   over the m inputs x_j, at the real minibatch's features (R1) or the
///   generated one's (R2). D judges feature vectors (m = 1), so they are its
///   data, and the penalty is Mescheder et al.'s on that data. Penalizing
///   D's slope there makes the game converge where plain gradient steps
///   circle the equilibrium for ever. The features m and s are in the
///   data's units, so gamma's strength depends on them.
/// - WGAN-GP's penalty lambda (|v| - 1)^2 at an interpolate of the real
///   and the generated minibatch (`PenaltyShape.wasserstein`); with D
///   judging samples, (1/m) sum_j lambda (|v_j| - 1)^2, one norm per
///   input x_j (Gulrajani et al.'s expectation over interpolates).
///
/// dP/dtheta = k v . dv/dtheta needs the derivative of a backward pass.
/// With layers a_l = W_l h_(l-1) + b_l, h_l = f_l(a_l) (h_(-1) = x), per
/// sample the input gradient is
///
///     d_(L-1) = 1,  e_l = W_l^T d_l,  d_(l-1) = f'_(l-1) * e_l,  v = e_0 = dl/dx.
///
/// Its reverse pass, from the adjoint ē_0 = k v, for l = 0 ... L-1:
///
///     dP/dW_l += d_l ē_l^T,  đ_l = W_l ē_l,
///     ē_(l+1) = f'_l * đ_l,  ā_l = f''_l * e_(l+1) * đ_l   (l < L-1),
///
/// and the ā_l, which say how P changes with each pre-activation, flow back
/// through the forward pass as in an ordinary backward pass:
/// dP/dW_l += ā_l h_(l-1)^T, dP/db_l += ā_l, ā_(l-1) += f'_(l-1) * W_l^T ā_l.
/// f' and f'' come from the outputs h_l (`Activation.multiplyByDerivative`,
/// `Activation.curvature`).
/// Every quantity is a row over the batch, laid out as the network's values,
/// so each line above is one of the dense layer's kernels or an elementwise
/// loop; padding lanes carry zero adjoints and add nothing.
public struct GradientPenalty<S: NetworkScalar>: Sendable {
    /// One buffer for e, d, ē, đ and ā (each laid out as the network's
    /// values), then a sink for the kernels' bias terms where P has none and
    /// zero biases.
    private var scratch: [S]
    private let valueCount, width: Int

    public init(for network: MultilayerPerceptron<S>) {
        valueCount = network.values.count
        width = network.sizes.max()!
        scratch = [S](repeating: 0, count: 5 * valueCount + 2 * width)
    }

    /// The R1 or R2 penalty, (gamma / 2) (1/m) sum_j |dl_j/dx_j|^2: adds
    /// dP/dtheta to `network.gradients`, for the input of its last forward
    /// pass, and returns P.
    @discardableResult
    public mutating func accumulate(into network: inout MultilayerPerceptron<S>, weight gamma: S) -> S {
        accumulate(into: &network, shape: .squaredNorm(gamma: gamma))
    }

    /// Adds dP/dtheta to `network.gradients`, for the input of its last
    /// forward pass, and returns P, for the penalty of `shape`.
    @discardableResult
    public mutating func accumulate(into network: inout MultilayerPerceptron<S>, shape: PenaltyShape<S>) -> S {
        precondition(network.values.count == valueCount && network.sizes.last == 1,
                     "the penalty needs the network it was made for, with one output")
        let layers = network.layers, last = layers.count - 1, batch = network.stride
        let samples = network.batchSize, valueCount = self.valueCount, width = self.width
        var penalty: S = 0
        network.parameters.withUnsafeBufferPointer { w in
        network.values.withUnsafeBufferPointer { h in
        network.gradients.withUnsafeMutableBufferPointer { g in
        scratch.withUnsafeMutableBufferPointer { scratch in
        network.transposeScratch.withUnsafeMutableBufferPointer { transposed in
            let (w, h, g, t) = (w.baseAddress!, h.baseAddress!, g.baseAddress!, transposed.baseAddress)
            let e = scratch.baseAddress!, d = e + valueCount, eBar = d + valueCount, dBar = eBar + valueCount
            let aBar = dBar + valueCount, unusedBias = aBar + valueCount, zeroBias = unusedBias + width
            for k in 0..<width { unusedBias[k] = 0 }
            // The input gradient v = dl/dx, keeping every e_l and d_l.
            let top = layers[last].output
            for j in 0..<batch { d[top + j] = j < samples ? 1 : 0 }
            for l in stride(from: last, through: 0, by: -1) {
                let layer = layers[l]
                Kernels.affineInputGradient(weights: w + layer.weights, outputGradient: d + layer.output,
                                            inputGradient: e + layer.input, inCount: layer.inCount,
                                            outCount: layer.outCount, batch: batch, transposeScratch: t)
                if l > 0 {
                    let rows = layer.input, count = layer.inCount * batch
                    (d + rows).update(from: e + rows, count: count)
                    layers[l - 1].activation.multiplyByDerivative(d + rows, outputs: h + rows, count: count)
                }
            }
            let input = layers[0].input, inputs = layers[0].inCount * batch
            if shape.takesEachInputsNorm && samples > 1 {
                penalty = Self.adjointOfEachInputsNorm(shape, gradient: e + input, adjoint: eBar + input,
                                                       features: layers[0].inCount, samples: samples, batch: batch)
            } else {
                let squares = Kernels.dot(e + input, e + input, count: inputs)
                let (value, scale) = shape.valueAndScale(squares: squares, inputs: samples)
                penalty = value
                for k in input..<(input + inputs) { eBar[k] = scale * e[k] }
            }
            // The reverse of that pass.
            for l in 0...last {
                let layer = layers[l]
                Kernels.accumulateAffineGradients(
                    outputGradient: d + layer.output, input: eBar + layer.input, weightGradient: g + layer.weights,
                    biasGradient: unusedBias, inCount: layer.inCount, outCount: layer.outCount, batch: batch,
                    transposeScratch: t)
                Kernels.affine(weights: w + layer.weights, bias: zeroBias, input: eBar + layer.input,
                               output: dBar + layer.output, inCount: layer.inCount, outCount: layer.outCount,
                               batch: batch)
                let rows = layer.output, count = layer.outCount * batch
                if l < last {
                    (eBar + rows).update(from: dBar + rows, count: count)
                    layer.activation.multiplyByDerivative(eBar + rows, outputs: h + rows, count: count)
                    for k in rows..<(rows + count) {
                        aBar[k] = layer.activation.curvature(output: h[k]) * e[k] * dBar[k]
                    }
                } else {
                    (aBar + rows).update(repeating: 0, count: count)
                }
            }
            // ā back through the forward pass (dBar is free again: scratch).
            for l in stride(from: last, through: 0, by: -1) {
                let layer = layers[l]
                Kernels.accumulateAffineGradients(
                    outputGradient: aBar + layer.output, input: h + layer.input, weightGradient: g + layer.weights,
                    biasGradient: g + layer.bias, inCount: layer.inCount, outCount: layer.outCount, batch: batch,
                    transposeScratch: t)
                if l > 0 {
                    Kernels.affineInputGradient(weights: w + layer.weights, outputGradient: aBar + layer.output,
                                                inputGradient: dBar + layer.input, inCount: layer.inCount,
                                                outCount: layer.outCount, batch: batch, transposeScratch: t)
                    let rows = layer.input, count = layer.inCount * batch
                    layers[l - 1].activation.multiplyByDerivative(dBar + rows, outputs: h + rows, count: count)
                    for k in rows..<(rows + count) { aBar[k] += dBar[k] }
                }
            }
        }}}}}
        return penalty
    }

    /// For a penalty of each input's own norm (WGAN-GP's, with D judging
    /// samples): P = (1/m) sum_j p(|v_j|^2) over the m inputs, v_j the
    /// column j of `gradient` (rows of `batch` lanes, `features` rows), and
    /// the adjoint k_j v_j / m in the same layout, zero in padding lanes.
    static func adjointOfEachInputsNorm(_ shape: PenaltyShape<S>, gradient v: UnsafePointer<S>,
                                        adjoint: UnsafeMutablePointer<S>, features: Int, samples: Int,
                                        batch: Int) -> S {
        var total: S = 0
        let m = S(samples)
        for j in 0..<batch {
            guard j < samples else {
                for f in 0..<features { adjoint[f * batch + j] = 0 }
                continue
            }
            var squares: S = 0
            for f in 0..<features { squares += v[f * batch + j] * v[f * batch + j] }
            let (value, scale) = shape.valueAndScale(squares: squares, inputs: 1)
            total += value
            for f in 0..<features { adjoint[f * batch + j] = scale / m * v[f * batch + j] }
        }
        return total / m
    }
}
