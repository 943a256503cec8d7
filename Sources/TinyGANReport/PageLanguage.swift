import Foundation
import TinyGANCore

/// The language a page was written in, so that rebuilding a report (or a
/// sweep's page) `--from` its folder keeps it: the `lang` of the page's
/// `<html>` element, which the templates set from `--lang`.
public enum PageLanguage {
    /// The language of `FOLDER/index.html`, or nil when there is no such
    /// page (a folder of logs), it names no language, or one tinygan does
    /// not write. Reads only a regular file, never through a link.
    public static func of(folder: URL) -> ReportLanguage? {
        guard let data = try? RegularFile.read(folder.appendingPathComponent("index.html")) else { return nil }
        return of(page: String(decoding: data.prefix(4096), as: UTF8.self))
    }

    /// The language of a page's text: the first `<html ... lang="L">`.
    static func of(page: String) -> ReportLanguage? {
        guard let match = page.firstMatch(of: #/<html\b[^>]*\blang\s*=\s*"([^"]*)"/#.ignoresCase()) else { return nil }
        return ReportLanguage(rawValue: String(match.output.1).lowercased())
    }
}
