import Foundation

/// One method's trajectory and its field.
public struct DiracRun: Codable, Equatable, Sendable {
    public var method: DiracMethod
    /// theta and psi at the start and after each step; a run that hit a
    /// non-finite value ends with it.
    public var theta: [Double]
    public var psi: [Double]
    public var field: DiracField

    public init(method: DiracMethod, theta: [Double], psi: [Double], field: DiracField) {
        self.method = method
        self.theta = theta
        self.psi = psi
        self.field = field
    }

    public var verdict: DiracVerdict { DiracVerdict(theta: theta, psi: psi) }
}

/// A Dirac-GAN experiment as written to disk (`dirac.json`): a header with
/// the settings and the methods, then each method's run. The figure and the
/// report are drawn from it alone. One JSON object, keys sorted, NaN and
/// infinities as the strings "nan", "inf", "-inf" (as in run logs).
public struct DiracLog: Codable, Equatable, Sendable {
    public struct Header: Codable, Equatable, Sendable {
        public var kind = DiracLog.kind
        public var format = DiracLog.format
        public var tool = "tinygan \(TinyGANVersion.current)"
        public var settings: DiracSettings
        public var methods: [DiracMethod]
    }

    public static let kind = "dirac-gan"
    public static let format = 1
    /// The log's file name in a `tinygan dirac` folder and in a report's `runs/`.
    public static let fileName = "dirac.json"

    public var header: Header
    public var runs: [DiracRun]

    public init(settings: DiracSettings, runs: [DiracRun]) {
        header = Header(settings: settings, methods: runs.map(\.method))
        self.runs = runs
    }

    public func encoded() throws -> Data {
        var data = try RunLogCoding.makeEncoder().encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes the log atomically (`AtomicFile`).
    public func write(to url: URL) throws {
        try AtomicFile.write(try encoded(), to: url)
    }

    /// Reads a log written by `write`; a file that is not one is a failure
    /// naming it.
    public static func read(from url: URL) throws -> DiracLog {
        let data = try RunLogCoding.contents(of: url)
        struct Tag: Decodable { struct Kind: Decodable { var kind: String?; var format: Int? }; var header: Kind? }
        guard let tag = try? JSONDecoder().decode(Tag.self, from: data), tag.header?.kind == kind else {
            throw TinyGANError.file(url.path, "is not a Dirac-GAN log (a JSON object whose header has kind \"\(kind)\")")
        }
        guard tag.header?.format == format else {
            throw TinyGANError.file(url.path, "has Dirac-GAN log format \(tag.header?.format.map(String.init) ?? "none"); "
                + "this tinygan reads format \(format)")
        }
        let log: DiracLog
        do {
            log = try RunLogCoding.makeDecoder().decode(DiracLog.self, from: data)
        } catch {
            throw TinyGANError.file(url.path, "is a damaged Dirac-GAN log (\(RunLogCoding.describe(error)))")
        }
        if let problem = log.problem { throw TinyGANError.file(url.path, "is a damaged Dirac-GAN log: \(problem)") }
        return log
    }

    /// What makes a decoded log unusable, or nil.
    var problem: String? {
        if let problem = header.settings.problem { return problem }
        if header.methods != runs.map(\.method) { return "its header's methods are not its runs'" }
        for run in runs {
            let n = run.field.points
            if run.theta.isEmpty || run.theta.count != run.psi.count || run.theta.count > header.settings.steps + 1 {
                return "the run \(run.method.name) has a trajectory of the wrong length"
            }
            if n < 2 || run.field.dTheta.count != n * n || run.field.dPsi.count != n * n
                || !(run.field.range.isFinite && run.field.range > 0) {
                return "the run \(run.method.name) has a malformed field"
            }
        }
        return nil
    }
}
