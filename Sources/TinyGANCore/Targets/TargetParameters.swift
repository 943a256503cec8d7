/// Reading the numbers of a target's spec, with the bounds every kind
/// shares: locations within +-1e6, scales in (0, 1e6].
enum TargetParameters {
    /// `count` finite numbers separated by ',' or ':' (a `--grid` value
    /// cannot hold a ','), or a problem quoting `syntax`.
    static func numbers(_ text: String, syntax: String, count: Int) throws(SettingProblem) -> [Double] {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ":" })
        guard parts.count == count else {
            throw SettingProblem("needs \(count) number\(count == 1 ? "" : "s") as in \(syntax) (got \(TinyGANError.quote(text)))")
        }
        var values: [Double] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite else {
                throw SettingProblem("needs finite numbers as in \(syntax) (got \(TinyGANError.quote(trimmed)))")
            }
            values.append(value)
        }
        return values
    }

    static func location(_ value: Double, _ name: String) throws(SettingProblem) {
        guard abs(value) <= 1e6 else { throw SettingProblem("\(name) must be within +-1e6 (got \(value))") }
    }

    static func scale(_ value: Double, _ name: String) throws(SettingProblem) {
        guard value > 0 && value <= 1e6 else { throw SettingProblem("\(name) must be > 0 and at most 1e6 (got \(value))") }
    }
}
