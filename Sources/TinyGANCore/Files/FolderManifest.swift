import Foundation

/// The proof that tinygan wrote a folder: a manifest file inside it naming
/// the tool, the folder's kind and every entry tinygan put there. A folder
/// may be replaced only when it holds a valid manifest of the expected kind
/// and nothing the manifest does not list (a file or folder someone added
/// afterwards would be lost with it).
public struct FolderManifest: Codable, Equatable, Sendable {
    public var tool: String
    public var kind: String
    public var format: Int
    /// Every entry tinygan wrote (files and folders), as paths relative to
    /// the folder, sorted; the manifest itself is not listed.
    public var entries: [String]

    public static let currentFormat = 1

    public init(kind: String, entries: [String] = []) {
        tool = "tinygan"
        self.kind = kind
        format = Self.currentFormat
        self.entries = entries
    }

    /// The manifest `file` in `folder`, if it is a regular file that tinygan
    /// wrote for a folder of `kind`.
    public static func read(_ file: String, in folder: URL, kind: String) -> FolderManifest? {
        guard let data = try? RegularFile.read(folder.appendingPathComponent(file)),
              let manifest = try? JSONDecoder().decode(FolderManifest.self, from: data),
              manifest.tool == "tinygan", manifest.kind == kind else { return nil }
        return manifest
    }

    public func write(_ file: String, in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: folder.appendingPathComponent(file))
    }

    /// Every entry under `folder` as a relative path, sorted, not descending
    /// into links; `excluding` (the manifest's own name) is left out.
    public static func entries(of folder: URL, excluding: String) -> [String] {
        var found: [String] = []
        func walk(_ url: URL, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names {
                let relative = prefix + name
                if relative == excluding { continue }
                found.append(relative)
                let child = url.appendingPathComponent(name)
                if FileKind.of(child.path) == .folder { walk(child, relative + "/") }
            }
        }
        walk(folder, "")
        return found.sorted()
    }
}

extension FolderProof {
    /// The proof of a folder tinygan builds whole (a report): the manifest
    /// `file` of `kind`, written empty when the folder is made and listing
    /// every entry once it is complete.
    public static func manifest(_ file: String, kind: String, what: String) -> FolderProof {
        FolderProof(
            what: what, file: file,
            mark: { try FolderManifest(kind: kind).write(file, in: $0) },
            seal: { try FolderManifest(kind: kind, entries: FolderManifest.entries(of: $0, excluding: file)).write(file, in: $0) },
            isMarked: { FolderManifest.read(file, in: $0, kind: kind) != nil },
            refusal: { folder in
                guard let manifest = FolderManifest.read(file, in: folder, kind: kind) else {
                    return "it holds no \(file), so tinygan cannot tell it wrote it"
                }
                let extra = Set(FolderManifest.entries(of: folder, excluding: file)).subtracting(manifest.entries)
                guard extra.isEmpty else {
                    let names = extra.sorted()
                    return "it holds what tinygan did not write: \(names.prefix(5).joined(separator: ", "))"
                        + (names.count > 5 ? " and \(names.count - 5) more" : "")
                }
                return nil
            })
    }
}
