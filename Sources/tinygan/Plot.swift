import ArgumentParser
import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

extension TinyGAN {
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw figures from run logs, without training.",
            discussion: """
                Reads tinygan run logs, or the printed output of the original PyTorch script \
                (detected automatically). Figures: \(FigureKind.allCases.map(\.rawValue).joined(separator: ", ")). \
                With several logs, each single-run figure is drawn per log (NAME-FIGURE.png) and \
                'runs' shows them all side by side.
                """)

        @Argument(help: ArgumentHelp("Run logs (.jsonl) or printed outputs of the original script.", valueName: "log"))
        var logs: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the figures.", valueName: "folder"))
        var out: String = "figures"

        @Option(help: "png, svg or both.")
        var format: String = "both"

        @Option(help: "PNG pixels per figure pixel (2 for sharp images on HiDPI screens).")
        var scale: Double = 1

        @Option(help: ArgumentHelp("Comma-separated figures to draw. (default: all)", valueName: "list"))
        var figures: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard !logs.isEmpty else { throw ValidationError("give at least one log") }
            guard ["png", "svg", "both"].contains(format) else {
                throw ValidationError("--format must be png, svg or both (got '\(format)')")
            }
            guard scale.isFinite, scale >= 0.25, scale <= 8 else {
                throw ValidationError("--scale must be between 0.25 and 8 (got \(scale))")
            }
            _ = try kinds()
        }

        func kinds() throws -> [FigureKind] {
            guard let figures else { return FigureKind.allCases }
            return try figures.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let kind = FigureKind(rawValue: trimmed) else {
                    throw ValidationError("--figures: unknown figure '\(trimmed)' (known: \(FigureKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return kind
            }
        }

        func run() throws {
            let start = Date()
            let loaded = try logs.map { path in
                (name: URL(fileURLWithPath: path).lastPathComponent,
                 log: try RunLogCoding.load(from: URL(fileURLWithPath: path)))
            }
            let folder = URL(fileURLWithPath: out)
            try OutputCheck.ensureWritable(folder.appendingPathComponent("figure.png"))
            let formats: [ImageFormat] = format == "both" ? [.png, .svg] : [ImageFormat(rawValue: format)!]
            let outcome = try FigureFiles(formats: formats, scale: scale).write(try kinds(), logs: loaded, to: folder)
            for note in outcome.skipped { FileHandle.standardError.write(Data("tinygan: skipped \(note)\n".utf8)) }
            guard !outcome.written.isEmpty else {
                throw TinyGANError.failure("no figure could be drawn from \(logs.joined(separator: ", "))")
            }
            if !quiet {
                print(String(format: "wrote %d files to %@ in %.2f s", outcome.written.count, folder.path,
                             Date().timeIntervalSince(start)))
            }
        }
    }
}
