import Foundation

/// The numbers of a user's data file, read once: one number a line, or,
/// with a column name, the named column of a CSV file whose first line
/// names the columns (fields separated by commas, each optionally in
/// double quotes; no commas inside quotes). Blank lines are skipped.
/// At most `maxValues` numbers from a file of at most `maxBytes`.
struct DataFile {
    static let maxValues = 10_000_000
    static let maxBytes = 512 << 20

    var values: [Double]
    var sha256: String

    /// Reads `path`; a problem names the file and, for a bad value, its line.
    init(path: String, column: String?) throws(SettingProblem) {
        let quoted = TinyGANError.quote(path, limit: 200)
        let data = try Self.contents(of: path)
        sha256 = SHA256.hex(data)
        values = try Self.numbers(in: data, column: column, file: quoted)
        guard !values.isEmpty else { throw SettingProblem("data file \(quoted) holds no numbers") }
    }

    /// The bytes of the data file at `path`, which must be a regular file
    /// (links followed) of at most `maxBytes`; a problem names the file.
    static func contents(of path: String) throws(SettingProblem) -> Data {
        let quoted = TinyGANError.quote(path, limit: 200)
        if let problem = FileKind.inputProblem(path) { throw SettingProblem("data file \(quoted) \(problem)") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SettingProblem("data file \(quoted) cannot be read (no permission)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.maxBytes + 1)) ?? Data()
        guard data.count <= Self.maxBytes else {
            throw SettingProblem("data file \(quoted) is larger than \(Self.maxBytes >> 20) MB")
        }
        return data
    }

    static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            var field = $0.trimmingCharacters(in: .whitespaces)
            if field.count >= 2 && field.hasPrefix("\"") && field.hasSuffix("\"") { field = String(field.dropFirst().dropLast()) }
            return field
        }
    }

    static func numbers(in data: Data, column: String?, file: String) throws(SettingProblem) -> [Double] {
        let text = String(decoding: data, as: UTF8.self)
        var index: Int?
        var values: [Double] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {  // LF, CRLF or CR
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            var field = line.trimmingCharacters(in: .whitespaces)
            if let column {
                let fields = fields(line)
                guard let k = index else {
                    guard let k = fields.firstIndex(of: column) else {
                        throw SettingProblem("data file \(file) has no column \(TinyGANError.quote(column)) "
                            + "(its first line names \(TinyGANError.quote(fields.joined(separator: ","))))")
                    }
                    index = k
                    continue
                }
                guard k < fields.count else { throw SettingProblem("data file \(file): line \(number) has no column \(TinyGANError.quote(column))") }
                field = fields[k]
            }
            guard let value = Double(field), value.isFinite else {
                throw SettingProblem("data file \(file): line \(number) is not a finite number (got \(TinyGANError.quote(field)))")
            }
            guard values.count < maxValues else { throw SettingProblem("data file \(file) holds more than \(maxValues) numbers") }
            values.append(value)
        }
        if column != nil && index == nil { throw SettingProblem("data file \(file) is empty: no line names the columns") }
        return values
    }
}
