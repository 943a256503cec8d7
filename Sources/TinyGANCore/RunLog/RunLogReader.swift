import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a run log from disk in chunks of `chunkSize` bytes, never the whole
/// file at once: each chunk's complete lines go to a `RunLogAssembler`
/// straight from the buffer (no copy per line), and the unfinished last line
/// moves to the buffer's front to be completed by the next read. The buffer
/// grows only for a line longer than itself (a final record of 10,000
/// samples is about 120 kB). So with `maxEpochRecords` the memory is that of
/// the buffer, the kept epoch records, the snapshots and the final record,
/// whatever the number of epochs.
enum RunLogReader {
    static let chunkSize = 1 << 20

    static func read(_ url: URL, maxEpochRecords: Int?) throws -> RunLog {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RunLogCoding.unreadable(url) }
        defer { close(fd) }
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var assembler = RunLogAssembler(file: url.path, maxEpochRecords: maxEpochRecords)
        var filled = 0, nextNumber = 1
        while true {
            if filled == buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * buffer.count, alignment: 64)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            let count = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw RunLogCoding.unreadable(url) }
            if count == 0 { break }
            let scanFrom = filled
            filled += count
            let done = try forEachLine(in: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]), firstNumber: nextNumber,
                                       final: false, scanFrom: scanFrom) { try assembler.add($0, number: $1) }
            nextNumber += done.lines
            filled -= done.consumed
            if done.consumed > 0, filled > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + done.consumed, filled)
            }
        }
        try forEachLine(in: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]), firstNumber: nextNumber,
                        final: true) { try assembler.add($0, number: $1) }
        return try assembler.finish(lineCount: nextNumber)
    }

    /// Calls `body` with each line of `bytes` that ends in LF (without it)
    /// and its number, counting from `firstNumber`, and, when `final`, with
    /// the bytes after the last LF as one more line (empty if the text ends
    /// with LF), as `split(separator: LF, omittingEmptySubsequences: false)`
    /// would. No LF lies before `scanFrom`, where the search starts.
    /// Returns how many lines it gave and the offset after the last LF.
    @discardableResult
    static func forEachLine(in bytes: UnsafeRawBufferPointer, firstNumber: Int, final: Bool, scanFrom: Int = 0,
                            _ body: (UnsafeRawBufferPointer, Int) throws -> Void) rethrows
        -> (lines: Int, consumed: Int) {
        guard let base = bytes.baseAddress else {
            if final { try body(bytes, firstNumber) }
            return (final ? 1 : 0, 0)
        }
        var start = 0, search = scanFrom, lines = 0
        while search < bytes.count, let found = memchr(base + search, 0x0A, bytes.count - search) {
            let end = UnsafeRawPointer(found) - base
            try body(UnsafeRawBufferPointer(start: base + start, count: end - start), firstNumber + lines)
            lines += 1
            start = end + 1
            search = start
        }
        if final {
            try body(UnsafeRawBufferPointer(start: base + start, count: bytes.count - start), firstNumber + lines)
            return (lines + 1, bytes.count)
        }
        return (lines, start)
    }
}
