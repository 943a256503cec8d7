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
        subcommands: [Report.self, Train.self, Plot.self, Export.self, Sweep.self, Merge.self, Benchmark.self, Dirac.self, PresetsCommand.self, Bench.self],
        defaultSubcommand: Report.self
    )

    /// The one place errors end. tinygan's own carry their exit code (2 for
    /// the user's input, 1 for a failure of the world); the argument
    /// parser's are usage errors (2), or a clean exit for --help and
    /// --version; a Foundation error that escaped every wrapper is a
    /// failure (1), told in words, never as a raw error domain.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let error = error as? TinyGANError { exit(message: error.description, code: error.exitCode) }
            let bridged = error as NSError
            if [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(bridged.domain) {
                exit(message: bridged.localizedDescription, code: 1)
            }
            if exitCode(for: error) == .success { exit(withError: error) }
            exit(message: fullMessage(for: error), code: 2)
        }
    }

    static func exit(message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("tinygan: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
