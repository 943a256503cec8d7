import Foundation

/// Names of figure files drawn from several logs, distinct by construction.
public enum FigureNames {
    /// One stem per log path, in order. The rule: a log's stem is the
    /// shortest tail of its absolute path (the file name without its
    /// extension, then as many parent folders as needed) that no other
    /// log's path ends with, its parts joined by "-":
    /// `d1/run.jsonl d2/run.jsonl` -> `d1-run`, `d2-run`; `a.jsonl b.jsonl`
    /// -> `a`, `b`. Leading dots are dropped (no hidden files). A stem that
    /// is still not unique (the same file twice, `run.jsonl` and `run.txt`)
    /// gets `-2`, `-3`, ... on its later occurrences.
    public static func stems(_ paths: [String]) -> [String] {
        let parts = paths.map(components)
        let tails = parts.indices.map { i in
            let own = parts[i]
            let length = (1...max(own.count, 1)).first { k in
                parts.indices.allSatisfy { j in j == i || parts[j] == own || !parts[j].ends(with: own.suffix(k)) }
            } ?? own.count
            return String(own.suffix(length).joined(separator: "-").drop { $0 == "." })
        }
        return unique(tails)
    }

    /// The folders and the file name without its extension.
    static func components(_ path: String) -> [String] {
        var parts = URL(fileURLWithPath: path).standardized.pathComponents.filter { $0 != "/" }
        if let last = parts.popLast() { parts.append((last as NSString).deletingPathExtension) }
        return parts
    }

    /// `names`, with `-2`, `-3`, ... after each repeat of an earlier name.
    static func unique(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            let base = name.isEmpty ? "log" : name
            var candidate = base, k = 1
            while taken.contains(candidate) {
                k += 1
                candidate = "\(base)-\(k)"
            }
            taken.insert(candidate)
            return candidate
        }
    }
}

extension Array where Element == String {
    /// Whether the last elements of `self` are `tail`.
    fileprivate func ends(with tail: ArraySlice<String>) -> Bool {
        count >= tail.count && self.suffix(tail.count).elementsEqual(tail)
    }
}
