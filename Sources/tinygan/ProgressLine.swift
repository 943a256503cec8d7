import Foundation

/// A one-line progress display with ETA on stderr, redrawn in place at most
/// ten times a second; silent when stderr is not a terminal. Safe to update
/// from several threads.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    let label: String
    let total: Int
    let start = Date()
    var lastDraw = Date.distantPast
    let enabled = isatty(STDERR_FILENO) != 0

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let text = String(format: "\r%@ %d/%d (%.0f%%), %.1f s, ETA %.1f s   ",
                          label, done, total, 100 * Double(done) / Double(total), elapsed, eta)
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
