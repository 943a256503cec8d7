extension NetworkWeights {
    /// The network of one input and one output evaluated at each of
    /// `inputs`, in double precision: G(z) for a generator, D(x) for a
    /// discriminator that judges single samples (a probability or a
    /// critic's score, as its last activation says).
    public func outputs(at inputs: [Double]) -> [Double] {
        precondition(sizes.first == 1 && sizes.last == 1, "outputs(at:) needs a network of one input and one output")
        guard !inputs.isEmpty else { return [] }
        var network = MultilayerPerceptron<Double>(sizes: sizes, activations: activations, batchSize: inputs.count)
        network.loadParameters(parameters.map(Double.init))
        var output = [Double](repeating: 0, count: inputs.count)
        network.forward(inputs, into: &output)
        return output
    }
}

extension NetworkWeights {
    /// The network of two inputs and one output at n points given planar
    /// (x_0 ... x_(n-1), then y_0 ... y_(n-1)), in double precision: D(x, y)
    /// of a 2-D run's D judging single points.
    public func outputs(atPlanar points: [Double]) -> [Double] {
        precondition(sizes.first == 2 && sizes.last == 1, "outputs(atPlanar:) needs a network of two inputs and one output")
        let n = points.count / 2
        guard n > 0 else { return [] }
        var network = MultilayerPerceptron<Double>(sizes: sizes, activations: activations, batchSize: n)
        network.loadParameters(parameters.map(Double.init))
        var output = [Double](repeating: 0, count: n)
        network.forward(points, into: &output)
        return output
    }
}
