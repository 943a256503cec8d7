/// A table written as CSV (RFC 4180) that pandas' `read_csv`, R's
/// `read.csv` and Python's `csv` module read directly: a header line of
/// column names, then one line per row, fields separated by commas, lines
/// ended by LF. A field holding a comma, a double quote, CR or LF is put in
/// double quotes, its quotes doubled; every other field is written bare.
public struct CSVTable: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Appends a row; it must have one field per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a CSV row of \(row.count) fields for \(columns.count) columns")
        rows.append(row)
    }

    /// The CSV text, ending with a newline.
    public var text: String {
        var text = columns.map(Self.field).joined(separator: ",") + "\n"
        for row in rows { text += row.map(Self.field).joined(separator: ",") + "\n" }
        return text
    }

    /// `value` as one CSV field: quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// How numbers, flags and missing values are written in tinygan's CSVs.
///
/// A finite number is Swift's `description`: the shortest decimal that reads
/// back to the same `Float` or `Double` (`0.1`, `4.0512`, `1e-05`), so
/// parsing a field as that type gives the logged value exactly. NaN and the
/// infinities are `NaN`, `Inf` and `-Inf`, which pandas, R and Python's
/// `float` all read as such (Swift's own `nan` and `inf` R does not). A
/// missing value is the empty field, which pandas and R read as NaN / NA.
/// A flag is `true` or `false`.
public enum CSVValue {
    public static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        return value.description
    }

    public static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F?) -> String {
        value.map { number($0) } ?? ""
    }

    public static func integer<I: BinaryInteger>(_ value: I?) -> String { value.map { "\($0)" } ?? "" }

    public static func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
}
