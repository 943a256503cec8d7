import Foundation
import Testing
import TinyGANReport

/// `report --from` keeps the language of the page it rebuilds: read from
/// the page's `<html lang>`.
@Suite struct PageLanguageTests {
    func folder(with page: String?) throws -> URL {
        let url = try temporaryFolder()
        if let page { try Data(page.utf8).write(to: url.appendingPathComponent("index.html")) }
        return url
    }

    @Test(arguments: [
        ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>", ReportLanguage?.some(.zh)),
        ("<html class=\"x\" LANG=\"EN\">", .some(.en)),
        ("<html>", nil), ("<html lang=\"fr\">", nil), ("<p lang=\"zh\">", nil),
    ])
    func languageOfAPage(_ page: String, _ expected: ReportLanguage?) throws {
        let url = try folder(with: page)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(PageLanguage.of(folder: url) == expected)
    }

    /// No page, or a page that is a link: no language (default English).
    @Test func noPageOrALink() throws {
        let url = try folder(with: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(PageLanguage.of(folder: url) == nil)
        let real = url.appendingPathComponent("real.html")
        try Data("<html lang=\"zh\">".utf8).write(to: real)
        try FileManager.default.createSymbolicLink(at: url.appendingPathComponent("index.html"), withDestinationURL: real)
        #expect(PageLanguage.of(folder: url) == nil)
    }
}
