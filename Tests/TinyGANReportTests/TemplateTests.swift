import Foundation
import Testing
import TinyGANCore
import TinyGANReport

@Suite struct TemplateTests {
    /// Every language's table loads, parses string by string, holds every
    /// string the templates use, and holds the same strings as English.
    @Test func stringTablesParseAndMatch() throws {
        func keys(_ language: ReportLanguage) throws -> Set<String> {
            let url = templates.appendingPathComponent("strings/\(language.rawValue).json")
            return Set(try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url)).keys)
        }
        for language in ReportLanguage.allCases {
            _ = try ReportTemplates(folder: templates, language: language)
            #expect(try keys(language) == keys(.en), "\(language)")
        }
    }

    /// A copy of the repository's templates whose English table `edit` changes.
    func templatesWithTable(_ edit: (inout [String: String]) -> Void) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: templates, to: folder)
        let table = folder.appendingPathComponent("strings/en.json")
        var strings = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: table))
        edit(&strings)
        try JSONEncoder().encode(strings).write(to: table)
        return folder
    }

    @Test func aStringThatDoesNotParseFailsWhenLoaded() throws {
        let folder = try templatesWithTable { $0["tally"] = "{{#x}} unclosed" }
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect { try ReportSettings(templates: folder) } throws: { "\($0)".contains("'tally'") }
    }

    @Test func aStringTheTemplatesUseMustBeThere() throws {
        let folder = try templatesWithTable { $0["rule"] = nil }
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect { try ReportSettings(templates: folder) } throws: { "\($0)".contains("lacks rule") }
    }
}
