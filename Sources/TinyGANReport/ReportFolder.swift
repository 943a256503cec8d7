import Foundation
import TinyGANCore

/// A report folder on disk: built beside its destination and put into place
/// in one step (`StagedFolder`), and marked as tinygan's by its manifest
/// `.tinygan-report.json`, which lists every file of the report. tinygan
/// replaces or rebuilds in place only a folder that carries that manifest
/// and holds nothing it does not list.
public enum ReportFolder {
    /// The name of a report's manifest.
    public static let manifestFile = ".tinygan-report.json"

    static let proof = FolderProof.manifest(manifestFile, kind: "report", what: "a tinygan report")

    /// Why `folder` is not a whole tinygan report that a rebuild may
    /// replace, or nil if it is one.
    public static func refusal(_ folder: URL) -> String? {
        let kind = FileKind.of(folder.path)
        return kind == .folder ? proof.refusal(folder) : "it is \(kind.described)"
    }

    /// Throws unless `destination` is free or (with `replacing`) a report
    /// tinygan may replace.
    static func checkDestination(_ destination: URL, replacing: Bool) throws {
        try StagedFolder.checkDestination(destination, replacing: replacing, proof: proof)
    }

    /// Throws unless the folder that is to hold `destination` can be
    /// written: it, or the nearest of its parents that exists (the build
    /// makes the rest), must be a folder this process may write in.
    static func checkWritable(_ destination: URL) throws {
        var folder = destination.standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TinyGANError.failure("cannot write \(destination.path): \(folder.path) is not a folder")
        }
        guard access(folder.path, W_OK | X_OK) == 0 else {
            throw TinyGANError.failure("cannot write \(destination.path): \(folder.path) is not writable "
                + "(\(String(cString: strerror(errno))))")
        }
    }

    static func build(at destination: URL, replacing: Bool, _ fill: (URL) throws -> Void) throws {
        try StagedFolder.build(at: destination, replacing: replacing, proof: proof, fill)
    }
}
