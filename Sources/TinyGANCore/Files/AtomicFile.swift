import Foundation

/// Whole-file writes that never leave a partial file behind and never
/// replace, or write through, anything that is not a regular file.
///
/// The bytes go to a new temporary file beside the destination, named
/// `.NAME.RANDOM.partial` (64 random bits) and created with
/// O_CREAT | O_EXCL | O_NOFOLLOW, so it is always a fresh file of ours:
/// a link or file planted under a guessed name makes the open fail, never
/// redirects the write. The file is written in full, synced and closed,
/// then renamed over the destination (atomic within one file system).
public enum AtomicFile {
    /// Permissions of the files tinygan writes, before the umask.
    static let mode: mode_t = 0o644

    /// Writes `data` to `url`, creating its folder if needed. `url` must be
    /// missing or a regular file (a link, folder, FIFO or device is refused).
    /// On failure nothing is left beside `url`, and `url` is unchanged.
    public static func write(_ data: Data, to url: URL) throws {
        try FileKind.ensureReplaceableFile(url)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TinyGANError.failure("cannot write \(url.path): \(Self.reason(error))")
        }
        let (descriptor, temporary) = try createTemporary(beside: url)
        do {
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 else { throw posixFailure(errno) }
            guard close(descriptor) == 0 else { throw posixFailure(errno) }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw TinyGANError.failure("cannot write \(url.path): \(Self.reason(error))")
        }
        // Checked again just before the rename: the destination may have
        // changed kind while the data was written.
        do { try FileKind.ensureReplaceableFile(url) } catch { unlink(temporary.path); throw error }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw TinyGANError.failure("cannot write \(url.path): \(String(cString: strerror(code)))")
        }
    }

    /// A new, empty, exclusively created temporary file beside `url`.
    static func createTemporary(beside url: URL) throws -> (Int32, URL) {
        let folder = url.deletingLastPathComponent()
        for _ in 0..<8 {
            let token = String(UInt64.random(in: .min ... .max), radix: 16)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(token).partial")
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor >= 0 { return (descriptor, temporary) }
            let code = errno
            if code == EINTR || code == EEXIST { continue }
            throw TinyGANError.failure("cannot write \(url.path): \(String(cString: strerror(code)))")
        }
        throw TinyGANError.failure("cannot write \(url.path): no free temporary name in \(folder.path)")
    }

    /// Writes every byte, resuming after partial writes and interruptions.
    static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixFailure(errno)
                }
                offset += written
            }
        }
    }

    static func posixFailure(_ code: Int32) -> Error {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
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

/// The C library's write(2), out of reach of `AtomicFile.write` by name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
