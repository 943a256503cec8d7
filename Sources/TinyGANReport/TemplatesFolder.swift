import Foundation
import TinyGANCore

/// Where the report's templates are. A folder named by the user, with
/// `--templates DIR` or else $TINYGAN_TEMPLATES, is the only one tried: if
/// it does not hold `report.mustache` that is a usage error (exit 2), at
/// once. Otherwise the first of these that holds it: `templates/` in the
/// working folder, then, from the folder of the running executable's real
/// file (links resolved, so a link to it on PATH works from any folder) up
/// through five parents, `templates/` and `share/tinygan/templates/` in
/// each (a repository's build folder, or an install prefix).
public enum TemplatesFolder {
    static let marker = "report.mustache"

    public static func locate(explicit: String?) throws -> URL {
        let variable = ProcessInfo.processInfo.environment["TINYGAN_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 }
        if let named = explicit.map({ ($0, "--templates") }) ?? variable.map({ ($0, "TINYGAN_TEMPLATES") }) {
            let folder = URL(fileURLWithPath: named.0)
            guard holdsTemplates(folder) else {
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
                let problem = !exists ? "no such folder" : !isFolder.boolValue ? "not a folder" : "it holds no \(marker)"
                throw TinyGANError.usage("\(named.1) \(named.0): \(problem); it must name a folder of report templates")
            }
            return folder
        }
        var candidates = [URL(fileURLWithPath: "templates")]
        if var folder = executable()?.deletingLastPathComponent() {
            for _ in 0..<6 {
                candidates += [folder.appendingPathComponent("templates"),
                               folder.appendingPathComponent("share/tinygan/templates")]
                folder.deleteLastPathComponent()
            }
        }
        guard let found = candidates.first(where: holdsTemplates) else {
            throw TinyGANError.failure("cannot find the report templates (\(marker)) in ./templates or beside "
                + "\(executable()?.path ?? "the executable"); pass --templates DIR")
        }
        return found
    }

    static func holdsTemplates(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path)
    }

    /// The running executable's own file, links resolved: /proc/self/exe
    /// where there is one, else what Foundation knows.
    static func executable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
