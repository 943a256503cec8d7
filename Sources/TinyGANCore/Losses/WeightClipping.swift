extension MultilayerPerceptron {
    /// WGAN's weight clipping (Arjovsky, Chintala and Bottou, 2017,
    /// Algorithm 1, line 7: w <- clip(w, -c, c), c = 0.01 in their
    /// experiments): every parameter, weights and biases, clamped to
    /// [-c, c]. It bounds the critic's Lipschitz constant, crudely. A NaN
    /// stays NaN, so a diverged step is still seen as one.
    public mutating func clipParameters(to c: S) {
        parameters.withUnsafeMutableBufferPointer { w in
            for i in w.indices {
                if w[i] > c { w[i] = c } else if w[i] < -c { w[i] = -c }
            }
        }
    }
}
