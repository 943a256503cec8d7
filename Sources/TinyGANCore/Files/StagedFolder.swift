import Foundation

/// How tinygan recognizes a folder as its own (see `FolderManifest`,
/// and `sweep.json` for sweep folders).
public struct FolderProof: Sendable {
    /// What such a folder is, for messages: "a tinygan report".
    public var what: String
    /// The file inside the folder that carries the proof.
    public var file: String
    /// Writes the proof into a new, empty folder, first of all.
    public var mark: @Sendable (URL) throws -> Void
    /// Completes the proof once the folder is whole.
    public var seal: @Sendable (URL) throws -> Void
    /// Whether the folder carries the proof at all (enough to delete a
    /// staging folder whose builder died).
    public var isMarked: @Sendable (URL) -> Bool
    /// Why an existing folder may not be replaced, or nil if it may.
    public var refusal: @Sendable (URL) -> String?

    public init(what: String, file: String, mark: @escaping @Sendable (URL) throws -> Void,
                seal: @escaping @Sendable (URL) throws -> Void = { _ in },
                isMarked: @escaping @Sendable (URL) -> Bool, refusal: @escaping @Sendable (URL) -> String?) {
        self.what = what
        self.file = file
        self.mark = mark
        self.seal = seal
        self.isMarked = isMarked
        self.refusal = refusal
    }
}

/// Builds a folder beside its destination and puts it into place in one
/// step, so that the destination is at every moment either absent, the old
/// folder or the new one, whole:
///
/// 1. The build happens in `.NAME.building-PID-TOKEN` (made with mkdir, so
///    it is new), marked with the proof before anything else is written.
/// 2. A new destination is taken with RENAME_NOREPLACE: of two concurrent
///    builds, exactly one wins and the other fails, nothing replaced.
/// 3. An existing destination, only if it is a folder the proof accepts, is
///    swapped with the staging folder with RENAME_EXCHANGE; the old folder,
///    now under the staging name, is then deleted, its proof last.
/// 4. Staging folders of dead builders (kill(PID, 0) fails with ESRCH) that
///    carry the proof are deleted by the next build in the same parent
///    folder, and so are those killed before the proof was in place: empty,
///    or holding nothing but the proof's own temporary file. Nothing else
///    is touched.
public enum StagedFolder {
    /// Throws, naming it, unless `destination` is missing or (with
    /// `replacing`) a folder the proof accepts: call it before long work.
    public static func checkDestination(_ destination: URL, replacing: Bool, proof: FolderProof) throws {
        let kind = FileKind.of(destination.path)
        switch kind {
        case .missing: return
        case .folder:
            if let why = proof.refusal(destination) {
                throw TinyGANError.failure("will not replace \(destination.path): \(why); tinygan replaces only "
                    + "\(proof.what) it wrote itself (choose another name or --out, or move it away)")
            }
            guard replacing else { throw TinyGANError.failure("\(destination.path) already exists; add --force to replace it") }
        default:
            throw TinyGANError.failure("will not replace \(destination.path): it is \(kind.described), not \(proof.what)")
        }
    }

    public static func build(at destination: URL, replacing: Bool, proof: FolderProof,
                             _ fill: (URL) throws -> Void) throws {
        try checkDestination(destination, replacing: replacing, proof: proof)
        let parent = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw TinyGANError.failure("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        removeStale(in: parent, proof: proof)
        let staging = try makeStaging(for: destination)
        do {
            try proof.mark(staging)
            try fill(staging)
            try proof.seal(staging)
            try place(staging, at: destination, replacing: replacing, proof: proof)
        } catch {
            remove(staging, proofLast: proof.file)
            throw error
        }
    }

    /// Puts the finished `staging` folder at `destination`.
    static func place(_ staging: URL, at destination: URL, replacing: Bool, proof: FolderProof) throws {
        try checkDestination(destination, replacing: replacing, proof: proof)  // again: it may have changed
        if FileKind.of(destination.path) == .folder {
            switch FolderRename.exchange(staging, destination) {
            case .done:
                remove(staging, proofLast: proof.file)  // the old folder, now under the staging name
                return
            case .conflict: break  // the destination vanished meanwhile: take the name below
            case .failed(let reason):
                throw TinyGANError.failure("cannot replace \(destination.path): \(reason)")
            }
        }
        switch FolderRename.moveNew(staging, to: destination) {
        case .done: return
        case .conflict:
            throw TinyGANError.failure("\(destination.path) appeared while this one was being built "
                + "(another tinygan writing the same name?); it was left as it is and this build discarded")
        case .failed(let reason):
            throw TinyGANError.failure("cannot move the new folder to \(destination.path): \(reason)")
        }
    }

    /// `.NAME.building-PID-TOKEN`: PID is the builder's, TOKEN 8 hex digits.
    static let stagingPattern = try! NSRegularExpression(pattern: #"^\..+\.building-([0-9]+)-[0-9a-f]{8}$"#)

    static func makeStaging(for destination: URL) throws -> URL {
        let parent = destination.deletingLastPathComponent()
        for _ in 0..<8 {
            let token = String(format: "%08x", UInt32.random(in: .min ... .max))
            let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).building-\(getpid())-\(token)")
            if mkdir(staging.path, 0o755) == 0 { return staging }
            let code = errno
            if code != EEXIST && code != EINTR {
                throw TinyGANError.failure("cannot write in \(parent.path): \(String(cString: strerror(code)))")
            }
        }
        throw TinyGANError.failure("cannot write in \(parent.path): no free staging name")
    }

    /// Deletes the staging folders in `parent` left by dead builders: only
    /// those named by the pattern, of a process that no longer exists, and
    /// carrying the proof.
    public static func removeStale(in parent: URL, proof: FolderProof) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            let range = NSRange(name.startIndex..., in: name)
            guard let match = stagingPattern.firstMatch(in: name, range: range),
                  let pidRange = Range(match.range(at: 1), in: name),
                  let pid = Int32(name[pidRange]), pid > 0, pid != getpid() else { continue }
            let folder = parent.appendingPathComponent(name)
            guard kill(pid, 0) == -1, errno == ESRCH, FileKind.of(folder.path) == .folder,
                  proof.isMarked(folder) || isUnmarkedStart(folder, proofFile: proof.file) else { continue }
            remove(folder, proofLast: proof.file)
        }
    }

    /// Whether `folder` is a staging folder whose builder died before its
    /// proof was written: empty, or holding only the temporary files of
    /// `AtomicFile` writing the proof (`.FILE.HEX.partial`).
    static func isUnmarkedStart(_ folder: URL, proofFile: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        let prefix = ".\(proofFile).", suffix = ".partial"
        return names.allSatisfy { name in
            name.hasPrefix(prefix) && name.hasSuffix(suffix) && name.count > prefix.count + suffix.count
                && name.dropFirst(prefix.count).dropLast(suffix.count).allSatisfy(\.isHexDigit)
                && FileKind.of(folder.appendingPathComponent(name).path) == .regular
        }
    }

    /// Deletes a folder of ours, its proof file last, so that an
    /// interrupted deletion leaves a folder that is still recognizably ours.
    static func remove(_ folder: URL, proofLast file: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where name != file {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        unlink(folder.appendingPathComponent(file).path)
        rmdir(folder.path)
    }
}
