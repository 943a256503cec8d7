import Foundation

/// Reads the long number arrays of a snapshot or final record byte by byte,
/// so that `JSONDecoder` decodes only the rest of the line: a final record
/// holds 10,000 samples and a snapshot a few hundred numbers, and the
/// decoder spends most of its time on them.
///
/// It walks the line's JSON structure (strings with their escapes, objects,
/// arrays) and, for each array that is the value of one of `floatPaths` or
/// `integerPaths` (keys from the top object, through objects only, e.g.
/// "generator.parameters"), reads its elements with `EpochLineParser`'s
/// number readers: the values `JSONDecoder` gives, or failure for anything
/// the decoder treats specially (see `EpochLineParser`). An array read whole
/// is cut from the line, leaving `[]`, and its values are put back into the
/// decoded record (`restore`); an array with any element it does not
/// recognize exactly (white space, a number out of Float's range, `null`)
/// stays in the line for the decoder. A line whose arrays it cannot place
/// (unbalanced brackets, an unterminated string, a key with an escape, a
/// path twice) is left whole. An array read is valid JSON in the same place
/// of the same structure (strings are found as JSON finds them), so the
/// line without it is valid JSON exactly when the whole line is, and the
/// record read equals the decoder's reading of the whole line.
public struct RecordArraySplicer {
    static let floatPaths: Set<String> = ["samples", "lastBatch", "mapping", "generator.parameters",
                                          "discriminator.parameters"]
    static let integerPaths: Set<String> = ["histogram.counts"]

    /// The line without the arrays read, for `JSONDecoder`.
    var remainder = Data()
    var floats: [String: [Float]] = [:]
    var integers: [String: [Int]] = [:]

    /// The line's arrays at the known paths, or nil when none was read.
    static func splice(_ line: UnsafeRawBufferPointer) -> RecordArraySplicer? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let end = base + line.count
        var spliced = RecordArraySplicer()
        // The open containers: an object's current key (nil in an array).
        var keys: [String?] = []
        var inObject: [Bool] = []
        var expectingKey = false
        var copiedUpTo = base
        var p = base
        while p < end {
            switch p.pointee {
            case UInt8(ascii: "\""):
                let start = p + 1
                var q = start, escaped = false
                while q < end, q.pointee != UInt8(ascii: "\"") {
                    if q.pointee == UInt8(ascii: "\\") { escaped = true; q += 1 }
                    q += 1
                }
                guard q < end else { return nil }
                if expectingKey, inObject.last == true {
                    // An escaped key may spell a path (and repeat it): the decoder's.
                    guard !escaped else { return nil }
                    keys[keys.count - 1] = String(decoding: UnsafeBufferPointer(start: start, count: q - start), as: UTF8.self)
                    expectingKey = false
                }
                p = q + 1
            case UInt8(ascii: "{"):
                keys.append(nil)
                inObject.append(true)
                expectingKey = true
                p += 1
            case UInt8(ascii: "["):
                switch Self.path(keys, inObject).map({ spliced.read($0, from: p + 1, end: end) }) ?? .left {
                case .read(let close):
                    spliced.remainder.append(copiedUpTo, count: p - copiedUpTo)
                    spliced.remainder.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
                    copiedUpTo = close + 1
                    p = close + 1
                case .left:
                    keys.append(nil)
                    inObject.append(false)
                    p += 1
                case .repeatedPath:
                    return nil
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard !keys.isEmpty else { return nil }
                keys.removeLast()
                inObject.removeLast()
                p += 1
            case UInt8(ascii: ","):
                expectingKey = inObject.last == true
                p += 1
            default:
                p += 1
            }
        }
        guard keys.isEmpty, copiedUpTo > base else { return nil }
        spliced.remainder.append(copiedUpTo, count: end - copiedUpTo)
        return spliced
    }

    /// How many arrays of `line` the splicer reads itself (0 when it leaves
    /// the line whole to the decoder).
    public static func splicedArrayCount(_ line: UnsafeRawBufferPointer) -> Int {
        splice(line).map { $0.floats.count + $0.integers.count } ?? 0
    }

    /// The dotted path of the value being read, if every open container is an object.
    static func path(_ keys: [String?], _ inObject: [Bool]) -> String? {
        guard !inObject.isEmpty, !inObject.contains(false) else { return nil }
        var path = ""
        for key in keys {
            guard let key else { return nil }
            path += path.isEmpty ? key : "." + key
        }
        return path
    }

    enum Outcome {
        /// Read whole; the position of its closing bracket.
        case read(UnsafePointer<UInt8>)
        /// Not a known path, or an element not recognized: for the decoder.
        case left
        /// A path read before: the decoder decides which of the two counts.
        case repeatedPath
    }

    /// Reads the array whose elements start at `start` if `path` is a known one.
    mutating func read(_ path: String, from start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Outcome {
        guard floats[path] == nil, integers[path] == nil else { return .repeatedPath }
        var cursor = EpochLineParser.Cursor(at: start, end: end)
        if Self.floatPaths.contains(path) {
            var values: [Float] = []
            guard Self.elements(&cursor, { cursor in cursor.float().map { values.append($0) } != nil }) else { return .left }
            floats[path] = values
        } else if Self.integerPaths.contains(path) {
            var values: [Int] = []
            guard Self.elements(&cursor, { cursor in
                // "-0" is left to the decoder.
                guard !(cursor.peek() == UInt8(ascii: "-") && cursor.peek(1) == UInt8(ascii: "0")),
                      let value = cursor.integer() else { return false }
                values.append(value)
                return true
            }) else { return .left }
            integers[path] = values
        } else {
            return .left
        }
        return .read(cursor.at)
    }

    /// Reads `element (, element)* ]` (at least one element, no white
    /// space), leaving the cursor on the closing bracket.
    static func elements(_ cursor: inout EpochLineParser.Cursor, _ element: (inout EpochLineParser.Cursor) -> Bool) -> Bool {
        while true {
            guard element(&cursor) else { return false }
            switch cursor.peek() {
            case UInt8(ascii: ","): cursor.at += 1
            case UInt8(ascii: "]"): return true
            default: return false
            }
        }
    }

    /// Puts the arrays read back into a decoded final record.
    func restore(into record: inout FinalRecord) {
        for (path, values) in floats {
            switch path {
            case "samples": record.samples = values
            case "lastBatch": record.lastBatch = values
            case "generator.parameters": record.generator?.parameters = values
            case "discriminator.parameters": record.discriminator?.parameters = values
            default: break  // not a final record's key: the decoder ignores it too
            }
        }
        if let counts = integers["histogram.counts"] { record.histogram.counts = counts }
    }

    /// Puts the arrays read back into a decoded snapshot.
    func restore(into record: inout SnapshotRecord) {
        for (path, values) in floats {
            switch path {
            case "mapping": record.mapping = values
            case "generator.parameters": record.generator.parameters = values
            case "discriminator.parameters": record.discriminator?.parameters = values
            default: break  // not a snapshot's key: the decoder ignores it too
            }
        }
        if let counts = integers["histogram.counts"] { record.histogram.counts = counts }
    }
}
