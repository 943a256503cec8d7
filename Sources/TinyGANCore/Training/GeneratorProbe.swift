/// Evaluates a generator away from training: on 10,000 fresh noise values,
/// and on the grid z = k / 100 that shows its map from noise to data.
struct GeneratorProbe: Sendable {
    static let mappingPoints = 101

    var sampler: MultilayerPerceptron<Float>
    var mapper: MultilayerPerceptron<Float>
    var noise: [Float]
    var output: [Float]
    let grid: [Float]
    var gridOutput: [Float]

    init(sizes: [Int], activations: [Activation], sampleCount: Int) {
        sampler = MultilayerPerceptron(sizes: sizes, activations: activations, batchSize: sampleCount)
        mapper = MultilayerPerceptron(sizes: sizes, activations: activations, batchSize: Self.mappingPoints)
        noise = [Float](repeating: 0, count: sampleCount)
        output = noise
        grid = (0..<Self.mappingPoints).map { Float($0) / Float(Self.mappingPoints - 1) }
        gridOutput = grid
    }

    mutating func load(_ parameters: [Float]) {
        sampler.loadParameters(parameters)
        mapper.loadParameters(parameters)
    }

    /// G(z) for fresh z ~ U[0, 1).
    mutating func samples(using rng: inout Xoshiro256StarStar) -> [Float] {
        rng.fill(&noise)
        sampler.forward(noise, into: &output)
        return output
    }

    /// G(k / 100), k = 0 ... 100.
    mutating func mapping() -> [Float] {
        mapper.forward(grid, into: &gridOutput)
        return gridOutput
    }
}
