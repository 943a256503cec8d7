import Foundation

/// Whole-file writes that never leave a partial file behind.
public enum AtomicFile {
    /// Writes `data` to a temporary file in the destination's folder, then
    /// renames it over `url` (atomic within one file system). Creates the
    /// folder if needed. On failure nothing is left at `url` or beside it.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TinyGANError.failure("cannot write \(url.path): \(Self.reason(error))")
        }
    }

    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            default: break
            }
        }
        return error.localizedDescription
    }
}
