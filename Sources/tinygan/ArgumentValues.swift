import ArgumentParser
import TinyGANPlot
import TinyGANReport

/// `--lang`: the language of a report's page.
extension ReportLanguage: ExpressibleByArgument {}

/// `--format`: the image files each figure becomes.
enum FormatChoice: String, CaseIterable, ExpressibleByArgument {
    case png, svg, both

    var formats: [ImageFormat] {
        switch self {
        case .png: [.png]
        case .svg: [.svg]
        case .both: [.png, .svg]
        }
    }
}

/// `--figures`: a comma-separated list of at least one figure kind.
struct FigureList {
    var kinds: [FigureKind]

    static var known: String { FigureKind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// "moments, qq" -> [.moments, .qq]; an empty list, an empty name or an
    /// unknown name is a usage error.
    static func parse(_ text: String) throws -> FigureList {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.contains(where: { !$0.isEmpty }) else {
            throw ValidationError("name at least one figure (known: \(known))")
        }
        return FigureList(kinds: try names.map { name in
            guard let kind = FigureKind(rawValue: name) else {
                throw ValidationError(name.isEmpty ? "an empty figure name in the list"
                                                   : "unknown figure '\(name)' (known: \(known))")
            }
            return kind
        })
    }
}
