import ArgumentParser
import Foundation
import TinyGANCore

extension TinyGAN {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write run logs as a tidy CSV table for pandas, R or a spreadsheet.",
            discussion: """
                Reads tinygan run logs, or printed outputs of the original PyTorch script, and writes \
                one table of them all: every row starts with run (the log's path as given) and seed. \
                --what epochs: a row per logged epoch; snapshots: a row per snapshot histogram bin or \
                mapping point (long format); samples: a row per final sample; final: a row per run \
                with its final statistics and verdict. docs/run-log.md documents every column.
                """)

        @Argument(help: ArgumentHelp("Run logs (.jsonl) or printed outputs of the original script.", valueName: "log"))
        var logs: [String]

        @Option(help: "The file format.")
        var format: ExportFormat = .csv

        @Option(help: "The table: epochs, snapshots, samples or final.")
        var what: RunLogTables.Kind = .epochs

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, '-' for standard output.", valueName: "file"))
        var out: String = "-"

        @Flag(help: "Replace an existing file (a regular file only).")
        var force = false

        func validate() throws {
            guard !logs.isEmpty else { throw ValidationError("give at least one log") }
        }

        func run() throws {
            let url = URL(fileURLWithPath: out)
            if out != "-" {
                if !force && FileKind.of(url.path) != .missing {
                    throw TinyGANError.failure("\(url.path) already exists; add --force to replace it")
                }
                try OutputCheck.ensureWritable(url)
            }
            let loaded = try logs.map { (run: $0, log: try RunLogCoding.load(from: URL(fileURLWithPath: $0))) }
            let data = Data(RunLogTables.table(what, logs: loaded).text.utf8)
            if out == "-" {
                FileHandle.standardOutput.write(data)
            } else {
                try AtomicFile.write(data, to: url)
            }
        }
    }
}

/// `--format` of `tinygan export`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv
}

extension RunLogTables.Kind: ExpressibleByArgument {}
