import Foundation

/// The user's own points as the real distribution: `points:PATH`, a CSV
/// file of `x,y` rows (two numbers a line, separated by a comma, each
/// optionally in double quotes; blank lines skipped; LF, CRLF or CR). Its
/// first non-blank line may be a header (two fields, neither a number,
/// such as `x,y`); any other line that is not two numbers is an error. At most
/// `DataFile.maxValues / 2` points from a file of at most
/// `DataFile.maxBytes`, read through `DataFile` (regular files only).
///
/// Training draws the points with replacement, each index uniform from one
/// 64-bit draw, as `DataTarget` does. The density, for contours only, is
/// `PlaneKernelDensity` (Scott's rule) of a reference sample: all points
/// when there are at most `referenceLimit`, else `referenceLimit` points
/// drawn with replacement by a generator seeded with `referenceSeed`, so
/// the same file always draws the same contours. The bounds hold every
/// point, with a margin of a quarter of the larger width and at least 4
/// bandwidths.
///
/// A log records the absolute path and the file's SHA-256 (`json`);
/// reading it back checks the file, and one that changed or vanished is a
/// failure, as for `DataTarget`.
public struct PlanePoints: PlaneDistribution {
    static let referenceLimit = 2_000
    static let referenceSeed: UInt64 = 0x2D_5EED

    public let path: String
    public let sha256: String
    /// x_0 ... x_(n-1) then y_0 ... y_(n-1).
    let planar: [Double]
    let kernel: PlaneKernelDensity
    public let bounds: PlaneBox

    public var count: Int { planar.count / 2 }

    /// Reads `path`; with `expectedSHA256`, a file that differs or is gone
    /// is a failure (`isFailure`), otherwise every problem is the input's.
    public init(path: String, expectedSHA256: String? = nil) throws(SettingProblem) {
        guard !path.isEmpty else { throw SettingProblem("points: needs a path, as in points:FILE.csv") }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let quoted = TinyGANError.quote(absolute, limit: 200)
        let data: Data
        do { data = try DataFile.contents(of: absolute) } catch {
            guard expectedSHA256 != nil else { throw error }
            throw SettingProblem("\(error.reason); the run's figures and report cannot be regenerated without it", isFailure: true)
        }
        let sha = SHA256.hex(data)
        if let expectedSHA256, expectedSHA256 != sha {
            throw SettingProblem("data file \(quoted) changed since the run (SHA-256 was \(expectedSHA256.prefix(16))..., "
                + "is \(sha.prefix(16))...); the run's figures and report cannot be regenerated from other data", isFailure: true)
        }
        let (xs, ys) = try Self.points(in: data, file: quoted)
        guard xs.count >= 2 else { throw SettingProblem("data file \(quoted) needs at least two points (it holds \(xs.count))") }
        for (axis, values) in [("x", xs), ("y", ys)] where values.allSatisfy({ $0 == values[0] }) {
            throw SettingProblem("data file \(quoted) needs points that spread along both axes (every \(axis) is \(values[0]))")
        }
        self.path = absolute
        sha256 = sha
        planar = xs + ys
        if xs.count <= Self.referenceLimit {
            kernel = PlaneKernelDensity(xs: xs, ys: ys)
        } else {
            var rng = Xoshiro256StarStar(seed: Self.referenceSeed)
            let picks = (0..<Self.referenceLimit).map { _ in Self.index(below: xs.count, &rng) }
            kernel = PlaneKernelDensity(xs: picks.map { xs[$0] }, ys: picks.map { ys[$0] })
        }
        bounds = PlaneBox.holding(zip(xs, ys).map { ($0, $1) }, atLeast: 4 * max(kernel.hx, kernel.hy))
    }

    /// The rows of a points file, or a problem naming the line.
    static func points(in data: Data, file: String) throws(SettingProblem) -> (xs: [Double], ys: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        var number = 0, seenLine = false
        for line in String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = DataFile.fields(line)
            let values = fields.compactMap { Double($0) }
            let isFirst = !seenLine
            seenLine = true
            if values.count == 2 && fields.count == 2 {
                guard values.allSatisfy(\.isFinite) else {
                    throw SettingProblem("data file \(file): line \(number) has a value that is not finite (got \(TinyGANError.quote(line)))")
                }
                guard xs.count < DataFile.maxValues / 2 else {
                    throw SettingProblem("data file \(file) holds more than \(DataFile.maxValues / 2) points")
                }
                xs.append(values[0]); ys.append(values[1])
            } else if !isFirst || fields.count != 2 || !values.isEmpty {
                throw SettingProblem("data file \(file): line \(number) is not two numbers x,y (got \(TinyGANError.quote(line)))")
            }
        }
        guard !xs.isEmpty else { throw SettingProblem("data file \(file) holds no points (rows x,y)") }
        return (xs, ys)
    }

    public var spec: String { "points:\(path)" }
    public var label: String { "points " + URL(fileURLWithPath: path).lastPathComponent }
    public var json: JSONValue { .object([("points", .string(path)), ("sha256", .string(sha256))]) }
    public var modes: [PlaneMode]? { nil }

    public func density(x: Double, y: Double) -> Double { kernel.density(x: x, y: y) }

    public func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar) {
        precondition(batch.count >= 2 * n, "a planar batch of \(n) points needs \(2 * n) values")
        let m = count
        planar.withUnsafeBufferPointer { points in
            batch.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    let k = Self.index(below: m, &rng)
                    out[i] = Float(points[k])
                    out[n + i] = Float(points[m + k])
                }
            }
        }
    }
}
