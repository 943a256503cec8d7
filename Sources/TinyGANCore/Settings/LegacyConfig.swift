/// Reads the configuration of run-log format 1 (tinygan 0.1.0), which
/// nested the networks and optimizers under Swift property names:
/// `{"targetMean": 4, "generator": {"hiddenSizes": [5, 5], ...},
/// "generatorOptimizer": {"kind": "sgd", "learningRate": 0.001, ...}}`.
/// It becomes the flat form keyed by setting names, so old report and
/// sweep folders still read.
enum LegacyConfig {
    static func isLegacy(_ json: JSONValue) -> Bool {
        guard case .object(let members) = json else { return false }
        return members.contains { $0.key == "targetMean" || $0.key == "generatorOptimizer" }
    }

    static let plainKeys: [String: String] = [
        "preset": "preset", "targetMean": "target-mean", "targetStd": "target-std", "batchSize": "batch-size",
        "epochs": "epochs", "discriminatorSteps": "d-steps", "generatorSteps": "g-steps",
        "discriminatorInput": "d-input", "logInterval": "log-interval", "snapshotInterval": "snapshot-interval",
        "realLabel": "real-label", "instanceNoise": "instance-noise", "gradientPenalty": "gradient-penalty",
    ]

    static func convert(_ json: JSONValue) throws -> JSONValue {
        guard case .object(let members) = json else { return json }
        var flat: [(key: String, value: JSONValue)] = []
        for (key, value) in members {
            if let name = plainKeys[key] { flat.append((name, value)); continue }
            let suffix: String
            switch key {
            case "generator", "generatorOptimizer": suffix = "g"
            case "discriminator", "discriminatorOptimizer": suffix = "d"
            default: throw TinyGANError.usage("unknown setting \(TinyGANError.quote(key)) in a format-1 config")
            }
            guard case .object(let inner) = value else { throw TinyGANError.usage("\(key) must be an object") }
            let names: [String: String] = key.hasSuffix("Optimizer")
                ? ["kind": "\(suffix)-optimizer", "learningRate": "lr-\(suffix)", "momentum": "momentum-\(suffix)",
                   "beta1": "beta1-\(suffix)", "beta2": "beta2-\(suffix)"]
                : ["hiddenSizes": "\(suffix)-hidden", "activations": "\(suffix)-activation"]
            for (innerKey, innerValue) in inner {
                if let name = names[innerKey] { flat.append((name, innerValue)) }  // epsilon was always 1e-8
            }
        }
        return .object(flat)
    }
}
