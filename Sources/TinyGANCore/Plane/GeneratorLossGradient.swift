extension NetworkWeights {
    /// Where G's loss pushes generated points: -dL/dx at each of n points x
    /// (planar: x_0 ... x_(n-1), then y_0 ... y_(n-1)), for this D (a 2-D
    /// run's D on packs of `pack` M points, M = 1 for single points) and the
    /// run's `loss`, in double precision. GAN Lab's arrows on G's samples.
    ///
    /// The points are packed as `PlaneTrainer` packs a minibatch: with
    /// P = n / M, pack p holds the points p, P + p, ..., (M - 1) P + p, so
    /// the planar buffer is D's feature-major input of P packs as it is
    /// (feature c M + j of pack p is coordinate c of point j P + p, at
    /// (c M + j) P + p = c n + j P + p). With y_p = D(pack p),
    ///
    ///     L = sum_p L_G(y_p),   dL/dx_i = L_G'(y_p) dy_p/dx_i  (i in pack p),
    ///
    /// L_G and L_G' from `GANLoss.generator` and dy_p/dx_i by D's backward
    /// pass to its input (`MultilayerPerceptron.backward(outputGradient:
    /// inputGradient:)`), as in G's training step. For M > 1 a point's
    /// arrow depends on its pack partners, as it does in training. The sum
    /// over packs, not the G step's mean, which divides every gradient by
    /// P alike: directions are the same. D sees the points without instance
    /// noise. For the non-saturating `bce`, L_G = -log y and the result is
    /// +d log D/dx.
    public func generatorLossDescent(atPlanar points: [Double], loss: GANLoss, pack: Int) -> [Double] {
        let n = points.count / 2
        precondition(pack > 0 && n % pack == 0 && points.count == 2 * n, "the points must fill whole packs")
        precondition(sizes.first == 2 * pack && sizes.last == 1, "D must judge packs of \(pack) points")
        guard n > 0 else { return [] }
        let packs = n / pack
        var network = MultilayerPerceptron<Double>(sizes: sizes, activations: activations, batchSize: packs)
        network.loadParameters(parameters.map(Double.init))
        var outputs = [Double](repeating: 0, count: packs)
        network.forward(points, into: &outputs)
        let outputGradient = outputs.map { loss.generator($0).derivative }
        var gradient = [Double](repeating: 0, count: points.count)
        network.backward(outputGradient: outputGradient, inputGradient: &gradient, accumulatesParameterGradients: false)
        return gradient.map { -$0 }
    }
}
