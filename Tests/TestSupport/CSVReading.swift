/// Reads CSV text as RFC 4180 defines it (what pandas and R read): fields
/// separated by commas, records by LF or CRLF, a field in double quotes may
/// hold commas, quotes (doubled) and line ends. Independent of the writer,
/// so that tests read back what a reader of the format would.
public func readCSV(_ text: String) -> [[String]] {
    var records: [[String]] = [], record: [String] = [], field = ""
    var quoted = false, afterQuote = false
    var characters = Array(text.unicodeScalars)[...]
    while let c = characters.popFirst() {
        if quoted {
            if c == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false; afterQuote = true }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"" where field.isEmpty && !afterQuote: quoted = true
        case ",": record.append(field); field = ""; afterQuote = false
        case "\r" where characters.first == "\n": continue
        case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
        default: field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

/// The table as dictionaries keyed by the header's column names.
public func readCSVRows(_ text: String) -> (columns: [String], rows: [[String: String]]) {
    let records = readCSV(text)
    guard let header = records.first else { return ([], []) }
    return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
}
