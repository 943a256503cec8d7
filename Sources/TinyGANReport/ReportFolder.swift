import Foundation
import TinyGANCore

/// Builds a report folder beside its destination and moves it into place
/// in one rename, so that a report on disk is always whole: an interrupted
/// build leaves at most a hidden `.NAME.building-PID` folder, never a
/// half-written report.
enum ReportFolder {
    /// Throws unless `destination` is free or may be replaced.
    static func checkDestination(_ destination: URL, replacing: Bool) throws {
        if FileManager.default.fileExists(atPath: destination.path) && !replacing {
            throw TinyGANError.failure("\(destination.path) already exists; add --force to replace it")
        }
    }

    static func build(at destination: URL, replacing: Bool, _ fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        try checkDestination(destination, replacing: replacing)
        let staging = parent.appendingPathComponent(".\(name).building-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw TinyGANError.failure("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        do {
            try fill(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        if manager.fileExists(atPath: destination.path) {
            let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
            try? manager.removeItem(at: old)
            try manager.moveItem(at: destination, to: old)
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                try? manager.moveItem(at: old, to: destination)
                throw error
            }
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: staging, to: destination)
        }
    }
}
