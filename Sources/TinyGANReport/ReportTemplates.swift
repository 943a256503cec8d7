import Foundation
import Mustache
import TinyGANCore

/// The pages' templates (`report.mustache`, `sweep.mustache`, `plane.mustache`, the partial
/// `style.mustache`) and one language's string table
/// (`strings/LANG.json`), each read and parsed when loaded, every string of
/// the table as a template of its own: loading them checks all that a page
/// needs from the folder, so a build fails before its training, not after.
/// A table must hold every string `t.NAME` that a page template uses.
/// A file that cannot be read or does not parse is a failure (exit 1).
public struct ReportTemplates: Sendable {
    /// The page templates (`plane`: a 2-D run's page; `benchmark`: the
    /// mode-collapse benchmark's); `style` is their partial.
    static let names = ["report", "sweep", "plane", "benchmark", "style"]

    let library: MustacheLibrary
    /// Each string of the table, parsed.
    let strings: [String: MustacheTemplate]

    public init(folder: URL, language: ReportLanguage) throws {
        var library = MustacheLibrary()
        var used: Set<String> = []
        for name in Self.names {
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TinyGANError.failure("cannot read the template \(url.path) (see --templates)")
            }
            do { try library.register(text, named: name) } catch {
                throw TinyGANError.failure("the template \(url.path) does not parse: \(error)")
            }
            used.formUnion(Self.stringNames(in: text))
        }
        let table = folder.appendingPathComponent("strings/\(language.rawValue).json")
        guard let data = try? Data(contentsOf: table),
              let texts = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw TinyGANError.failure("cannot read the string table \(table.path) (a JSON object of strings)")
        }
        var strings: [String: MustacheTemplate] = [:]
        for (key, text) in texts {
            do { strings[key] = try MustacheTemplate(string: text) } catch {
                throw TinyGANError.failure("the string '\(key)' of \(table.path) does not parse as a template: \(error)")
            }
        }
        let missing = used.subtracting(strings.keys).sorted()
        guard missing.isEmpty else {
            throw TinyGANError.failure("the string table \(table.path) lacks \(missing.joined(separator: ", ")), "
                + "which the templates use")
        }
        self.library = library
        self.strings = strings
    }

    /// The names NAME of the strings a template cites as `t.NAME`.
    static func stringNames(in text: String) -> Set<String> {
        let pattern = #/\{\{\{?[#^\/]?\s*t\.([A-Za-z0-9_]+)/#
        return Set(text.matches(of: pattern).map { String($0.output.1) })
    }

    /// Renders each string over `view` (so the prose can cite its values),
    /// then the page `template` over `view` with them as `t`.
    func render<View: PageView>(_ view: View, template: String) throws -> String {
        var full = view
        full.t = strings.mapValues { $0.render(view, library: library) }
        guard let page = library.render(full, withTemplate: template) else {
            throw TinyGANError.failure("the template '\(template)' is missing")
        }
        return page
    }
}
