import ArgumentParser
import Foundation
import TinyGANCore
import TinyGANReport

/// `tinygan`: train, plot and report GANs that learn a bell curve.
///
/// Exit codes: 0 success, 1 a failure (a file that cannot be read or
/// written), 2 a usage error (a flag out of range, an unknown name).
@main
struct TinyGAN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tinygan",
        abstract: "Train a GAN that turns uniform noise into a bell curve, as the article does, and study it.",
        version: TinyGANVersion.current,
        subcommands: [Report.self, Train.self, Plot.self, Sweep.self, Merge.self, Presets.self, Bench.self],
        defaultSubcommand: Report.self
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as Failure {
            exit(message: error.description, code: 1)
        } catch let error as FileWriteError {
            exit(message: error.description, code: 1)
        } catch let error as RunLogError {
            exit(message: error.description, code: 1)
        } catch let error as ReportError {
            exit(message: error.description, code: 1)
        } catch let error as ConfigError {
            exit(message: error.description, code: 2)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            exit(message: fullMessage(for: error), code: 2)
        }
    }

    static func exit(message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("tinygan: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

/// A failure that is not the user's syntax: exit code 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
