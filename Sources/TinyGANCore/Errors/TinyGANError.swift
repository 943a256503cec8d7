/// Every error tinygan shows a person: what went wrong, where, and whose
/// doing it was, which fixes the exit code.
///
/// - `usage` (exit 2): the input was wrong: a flag out of range, an unknown
///   name, a config file that says something impossible. Running the same
///   command again fails the same way.
/// - `failure` (exit 1): the world failed: a file that cannot be read or
///   written, a log that is damaged, a folder that is not ours to replace.
///
/// The command line has one `catch`, which prints `description` and exits
/// with `exitCode`; no other error type reaches it from tinygan's code.
public struct TinyGANError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case usage, failure
    }

    public var kind: Kind
    /// The file the error is about, if any (a log, a config, a folder).
    public var file: String?
    /// Its 1-based line, if the error is about one.
    public var line: Int?
    /// What is wrong, without the file and line.
    public var reason: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ reason: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// The user's input is wrong: exit code 2.
    public static func usage(_ reason: String) -> TinyGANError { TinyGANError(.usage, reason) }

    /// Something outside the user's command failed: exit code 1.
    public static func failure(_ reason: String) -> TinyGANError { TinyGANError(.failure, reason) }

    /// A file that cannot be used as it is (a damaged log, a bad manifest): exit code 1.
    public static func file(_ file: String, line: Int? = nil, _ reason: String) -> TinyGANError {
        TinyGANError(.failure, file: file, line: line, reason)
    }

    public var exitCode: Int32 { kind == .usage ? 2 : 1 }

    /// "FILE: line N REASON", "FILE REASON" or "REASON".
    public var description: String {
        guard let file else { return reason }
        if let line { return "\(file): line \(line) \(reason)" }
        return "\(file) \(reason)"
    }

    /// The same error with `prefix` before its reason ("grid point lr-g=0: ...").
    public func prefixed(_ prefix: String) -> TinyGANError {
        var copy = self
        copy.reason = prefix + reason
        return copy
    }

    /// `text` quoted for a message, cut to `limit` characters: a name read
    /// from a file or a flag can be megabytes long, and an error message is
    /// read by a person.
    public static func quote(_ text: some StringProtocol, limit: Int = 80) -> String {
        let cleaned = text.prefix(limit + 1).map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        guard text.count > limit else { return "'\(cleaned)'" }
        return "'\(cleaned.prefix(limit))...' (\(text.utf8.count) bytes)"
    }
}
