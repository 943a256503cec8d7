extension NetworkWeights {
    /// The network at n samples given feature-major (feature f of sample i
    /// at f n + i, `sizes[0]` n values), in double precision: its outputs,
    /// feature-major too (`sizes.last` n values). G(z) at n noise vectors
    /// of a generator, D(x) of a discriminator at n inputs (a probability
    /// or a critic's score, as its last activation says).
    public func outputs(featureMajor inputs: [Double], count n: Int) -> [Double] {
        precondition(inputs.count == sizes[0] * n, "outputs(featureMajor:count:) needs sizes[0] x count inputs")
        guard n > 0 else { return [] }
        var network = MultilayerPerceptron<Double>(sizes: sizes, activations: activations, batchSize: n)
        network.loadParameters(parameters.map(Double.init))
        var output = [Double](repeating: 0, count: sizes[sizes.count - 1] * n)
        network.forward(inputs, into: &output)
        return output
    }

    /// The network of one input and one output evaluated at each of
    /// `inputs`, in double precision: G(z) for a generator, D(x) for a
    /// discriminator that judges single samples (a probability or a
    /// critic's score, as its last activation says).
    public func outputs(at inputs: [Double]) -> [Double] {
        precondition(sizes.first == 1 && sizes.last == 1, "outputs(at:) needs a network of one input and one output")
        return outputs(featureMajor: inputs, count: inputs.count)
    }

    /// The network of two inputs and one output at n points given planar
    /// (x_0 ... x_(n-1), then y_0 ... y_(n-1)), in double precision: D(x, y)
    /// of a 2-D run's D judging single points.
    public func outputs(atPlanar points: [Double]) -> [Double] {
        precondition(sizes.first == 2 && sizes.last == 1, "outputs(atPlanar:) needs a network of two inputs and one output")
        return outputs(featureMajor: points, count: points.count / 2)
    }
}
