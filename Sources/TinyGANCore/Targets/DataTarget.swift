import Foundation

/// The user's own data as the real distribution: `file:PATH` (one number a
/// line) or `file:PATH#COLUMN` (a CSV column). Training draws from the
/// values with replacement, each index uniform from one 64-bit draw
/// (the high word of draw x n, a bias below n / 2^64). F is the empirical
/// F_n(x) = #{x_i <= x} / n and F^-1(p) = x_(ceil(p n)); the density is a
/// kernel estimate (`KernelDensity`), for drawing only. KS and W1 against
/// the data are the two-sample statistics (`TwoSample`).
///
/// A log records the file's absolute path, the column and the file's
/// SHA-256; reading such a log again checks the file, and a file that
/// changed or vanished is a failure (its figures and report would describe
/// other data).
public struct DataTarget: TargetDistribution {
    public let path: String
    public let column: String?
    public let sha256: String
    /// The values, sorted.
    let sorted: [Double]
    public let mean: Double
    public let std: Double
    public let excessKurtosis: Double
    let kernel: KernelDensity

    /// `PATH` or `PATH#COLUMN` (split at the last '#').
    static func parse(_ text: String) throws(SettingProblem) -> DataTarget {
        guard !text.isEmpty else { throw SettingProblem("file: needs a path, as in file:PATH or file:PATH#COLUMN") }
        if let hash = text.lastIndex(of: "#") {
            let column = String(text[text.index(after: hash)...])
            guard !column.isEmpty else { throw SettingProblem("file:PATH#COLUMN needs a column name after '#'") }
            return try DataTarget(path: String(text[..<hash]), column: column)
        }
        return try DataTarget(path: text, column: nil)
    }

    /// Reads the file (or takes it from `DataTargetCache` when it has not
    /// changed since it was read); with `expectedSHA256`, a file that
    /// differs (or is gone) is a failure.
    public init(path: String, column: String?, expectedSHA256: String? = nil) throws(SettingProblem) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let loaded: DataTarget
        do { loaded = try DataTargetCache.shared.target(path: absolute, column: column) } catch {
            guard expectedSHA256 != nil else { throw error }
            throw SettingProblem("\(error.reason); the run's figures and report cannot be regenerated without it",
                                 isFailure: true)
        }
        if let expectedSHA256, expectedSHA256 != loaded.sha256 {
            throw SettingProblem("data file \(TinyGANError.quote(absolute, limit: 200)) changed since the run "
                + "(SHA-256 was \(expectedSHA256.prefix(16))..., is \(loaded.sha256.prefix(16))...); "
                + "the run's figures and report cannot be regenerated from other data", isFailure: true)
        }
        self = loaded
    }

    /// Reads `absolute` and derives what the target needs from its values.
    init(reading absolute: String, column: String?) throws(SettingProblem) {
        let file = try DataFile(path: absolute, column: column)
        let x = file.values.sorted()
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for value in x { let d2 = (value - mean) * (value - mean); m2 += d2; m4 += d2 * d2 }
        m2 /= n; m4 /= n
        guard x.count >= 2, m2 > 0 else {
            throw SettingProblem("data file \(TinyGANError.quote(absolute, limit: 200)) needs at least two different values")
        }
        self.path = absolute
        self.column = column
        sha256 = file.sha256
        sorted = x
        self.mean = mean
        std = m2.squareRoot()
        excessKurtosis = m4 / (m2 * m2) - 3
        kernel = KernelDensity(sorted: x, std: std)
    }

    /// The header's form: `{"file": PATH, "column": NAME, "sha256": HEX}`.
    init(json: JSONValue) throws(SettingProblem) {
        guard case .object(let members) = json else { throw SettingProblem("must be a spec or a data file object") }
        var file: String?, column: String?, sha: String?
        for (key, value) in members {
            guard case .string(let text) = value else { throw SettingProblem("'\(key)' must be a string in quotes") }
            switch key {
            case "file": file = text
            case "column": column = text
            case "sha256": sha = text
            default: throw SettingProblem("a data target has only 'file', 'column' and 'sha256' (got \(TinyGANError.quote(key)))")
            }
        }
        guard let file else { throw SettingProblem("a data target object needs 'file'") }
        try self.init(path: file, column: column, expectedSHA256: sha)
    }

    public var spec: String { "file:\(path)" + (column.map { "#\($0)" } ?? "") }

    public var label: String { "data " + URL(fileURLWithPath: path).lastPathComponent + (column.map { "#\($0)" } ?? "") }

    public var json: JSONValue {
        .object([("file", .string(path))] + (column.map { [("column", .string($0))] } ?? []) + [("sha256", .string(sha256))])
    }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        let n = UInt64(sorted.count)
        sorted.withUnsafeBufferPointer { values in
            batch.withUnsafeMutableBufferPointer { batch in
                for i in batch.indices { batch[i] = Float(values[Int(rng.next().multipliedFullWidth(by: n).high)]) }
            }
        }
    }

    public func density(_ x: Double) -> Double { kernel.density(x) }

    public func cdf(_ x: Double) -> Double { Double(TwoSample.countAtMost(x, in: sorted)) / Double(sorted.count) }

    public func quantile(_ p: Double) -> Double {
        let k = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, k))]
    }

    public func kolmogorovSmirnov(sorted x: [Double]) -> Double { TwoSample.kolmogorovSmirnov(x, sorted) }
    public func wasserstein1(sorted x: [Double]) -> Double { TwoSample.wasserstein1(x, sorted) }
}

/// The data targets this process has read, so that a file is read, hashed
/// and sorted once however often its spec or its logs are resolved (a sweep
/// resolves its plan and reads every log several times; without the cache a
/// 2,000,000-value file made a 4-run sweep take 130 s instead of 0.3 s).
/// An entry is used only while the file's identity is unchanged: device,
/// inode, size and modification time to the nanosecond (`stat`, links
/// followed), so an edited file is read again and its new SHA-256 seen.
/// At most `capacity` files are kept.
final class DataTargetCache: @unchecked Sendable {
    static let shared = DataTargetCache()
    static let capacity = 4

    private struct Identity: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    private let lock = NSLock()
    private var entries: [(key: String, identity: Identity, target: DataTarget)] = []

    func target(path: String, column: String?) throws(SettingProblem) -> DataTarget {
        let key = path + "\u{0}" + (column ?? "")
        guard let identity = Self.identity(of: path) else { return try DataTarget(reading: path, column: column) }
        if let hit = lock.withLock({ entries.first { $0.key == key && $0.identity == identity } }) { return hit.target }
        let target = try DataTarget(reading: path, column: column)
        // Kept only if the file did not change while it was read.
        guard Self.identity(of: path) == identity else { return target }
        lock.withLock {
            entries.removeAll { $0.key == key }
            entries.append((key, identity, target))
            if entries.count > Self.capacity { entries.removeFirst() }
        }
        return target
    }

    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}
