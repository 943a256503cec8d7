extension Setting {
    /// `target-mean` or `target-std`: with a Gaussian target, they set its
    /// parameter (`path` of its `Normal`); with any other target, they are
    /// the target's mean or std (`of`), read only: the same value is
    /// accepted (a log header holds it), another is a usage error. The log
    /// header holds them for every target, so headers from before `target`
    /// existed read as the Gaussian of their target-mean and target-std.
    /// A 2-D target has neither: the header holds null, which reads back
    /// as nothing, and a value is a usage error.
    static func gaussianParameter(
        _ name: String, _ path: WritableKeyPath<Normal, Double> & Sendable, bounds: String, help: String,
        check: @escaping @Sendable (Double) -> String?
    ) -> Setting {
        let what = name.dropFirst("target-".count)
        let current: @Sendable (TrainingConfig) -> Double = { what == "mean" ? $0.target.mean : $0.target.std }
        let set: @Sendable (inout TrainingConfig, Double) throws -> Void = { config, value in
            if let plane = config.target.plane {
                throw SettingProblem("is for 1-D targets; the 2-D target \(plane.spec) has no single \(what)")
            }
            if var gaussian = config.target.gaussian {
                gaussian.normal[keyPath: path] = value
                config.target = Target(gaussian)
            } else if value != current(config) {
                throw SettingProblem("sets the Gaussian target's \(what); the target is "
                    + "\(TinyGANError.quote(config.target.spec, limit: 120)), whose \(what) is \(current(config)) "
                    + "(change the target with --target)")
            }
        }
        return Setting(
            name: name, help: help, placeholder: Double.placeholder, bounds: bounds, aliasOf: [],
            readText: { config, text in try set(&config, try Double(settingText: text)) },
            readJSON: { config, json in
                if json == .null && config.target.plane != nil { return }
                try set(&config, try Double(settingJSON: json))
            },
            writeText: { $0.target.plane == nil ? current($0).settingText : "none" },
            writeJSON: { $0.target.plane == nil ? current($0).settingJSON : .null },
            problem: { $0.target.plane == nil ? check(current($0)) : nil })
    }
}
