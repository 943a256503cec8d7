import Foundation

/// The two renames that put a built folder into place in one step, so that
/// no moment exists at which the destination is missing or half-made:
///
/// - `exchange(a, b)`: a and b swap names atomically (Linux renameat2 with
///   RENAME_EXCHANGE); both must exist.
/// - `moveNew(a, to: b)`: a takes the name b only if b does not exist
///   (RENAME_NOREPLACE); of two processes racing for b, exactly one wins.
public enum FolderRename {
    /// renameat2(2) flags, as in <linux/fs.h>.
    static let noReplace: UInt32 = 1
    static let exchangeFlag: UInt32 = 2

    public enum Outcome: Equatable, Sendable {
        case done
        /// `moveNew`: the destination exists. `exchange`: one of the two is missing.
        case conflict
        case failed(String)
    }

    public static func exchange(_ a: URL, _ b: URL) -> Outcome {
        renameat2(a.path, b.path, flags: exchangeFlag)
    }

    public static func moveNew(_ a: URL, to b: URL) -> Outcome {
        renameat2(a.path, b.path, flags: noReplace)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32

    /// glibc's renameat2 (2.28 and later), looked up at run time because the
    /// Swift overlay does not export it.
    private static let function: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static func renameat2(_ from: String, _ to: String, flags: UInt32) -> Outcome {
        guard let function else {
            return .failed("this system has no renameat2, which tinygan needs to replace folders atomically")
        }
        while true {
            if function(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 { return .done }
            let code = errno
            if code == EINTR { continue }
            if flags == noReplace && (code == EEXIST || code == ENOTEMPTY) { return .conflict }
            if flags == exchangeFlag && code == ENOENT { return .conflict }
            return .failed(String(cString: strerror(code)))
        }
    }
}
