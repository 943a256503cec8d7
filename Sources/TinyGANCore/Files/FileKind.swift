import Foundation

/// What a path names, seen without following a final symbolic link
/// (`lstat`): tinygan replaces only what is missing or a regular file, and
/// reads only regular files where a link could smuggle in another file.
public enum FileKind: Equatable, Sendable {
    case missing, regular, folder, symbolicLink, fifo, device, socket, unknown

    /// The kind of `path`'s last component itself, not of a link's target;
    /// with `followingLinks`, of what the path finally names.
    public static func of(_ path: String, followingLinks: Bool = false) -> FileKind {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return .unknown
        }
    }

    /// "a folder", "a symbolic link", ... for messages.
    public var described: String {
        switch self {
        case .missing: return "missing"
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO (named pipe)"
        case .device: return "a device"
        case .socket: return "a socket"
        case .unknown: return "not a regular file"
        }
    }

    /// Why `path`, its links followed, cannot be read as a file the user
    /// named for input (a config, a data file), or nil for a regular file:
    /// "does not exist", or "is a FIFO (named pipe), not a regular file".
    /// Checked before opening, so that a FIFO never blocks and a device or a
    /// folder is never read.
    public static func inputProblem(_ path: String) -> String? {
        switch of(path, followingLinks: true) {
        case .missing: return "does not exist"
        case .regular: return nil
        case let kind: return "is \(kind.described), not a regular file"
        }
    }

    /// Throws unless `url` is missing or a regular file: the only things a
    /// whole-file write may create or replace.
    public static func ensureReplaceableFile(_ url: URL) throws {
        let kind = of(url.path)
        guard kind == .missing || kind == .regular else {
            throw TinyGANError.failure("will not write \(url.path): it is \(kind.described), not a regular file; "
                + "tinygan replaces only regular files")
        }
    }
}

/// Reads whole regular files without following a final link.
public enum RegularFile {
    /// The bytes of `url`, opened with O_NOFOLLOW and checked to be a regular
    /// file (not a link, FIFO or device) on the open descriptor itself.
    public static func read(_ url: URL) throws -> Data {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP {
                throw TinyGANError.failure("will not read \(url.path): it is a symbolic link, and tinygan reads only regular files here")
            }
            throw TinyGANError.failure("cannot read \(url.path): \(String(cString: strerror(code)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw TinyGANError.failure("will not read \(url.path): it is not a regular file")
        }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw TinyGANError.failure("cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
