import CCairo
import Foundation

/// A Cairo status other than success, as a Swift error.
public struct CairoError: Error, CustomStringConvertible {
    public let status: cairo_status_t
    public let operation: String
    public var description: String { "Cairo \(operation) failed: \(String(cString: cairo_status_to_string(status)))" }

    static func check(_ status: cairo_status_t, _ operation: String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status: status, operation: operation) }
    }
}

/// Owns a `cairo_surface_t`: checked on creation, destroyed in `deinit`.
final class CairoSurface {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer?, _ operation: String) throws {
        guard let pointer else { throw CairoError(status: CAIRO_STATUS_NO_MEMORY, operation: operation) }
        self.pointer = pointer
        try CairoError.check(cairo_surface_status(pointer), operation)
    }

    deinit { cairo_surface_destroy(pointer) }

    func finish() throws {
        cairo_surface_finish(pointer)
        try CairoError.check(cairo_surface_status(pointer), "finishing a surface")
    }
}

/// Owns a `cairo_t` drawing on a surface (which it keeps alive).
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(surface: CairoSurface) throws {
        self.surface = surface
        guard let pointer = cairo_create(surface.pointer) else {
            throw CairoError(status: CAIRO_STATUS_NO_MEMORY, operation: "creating a context")
        }
        self.pointer = pointer
        try CairoError.check(cairo_status(pointer), "creating a context")
    }

    deinit { cairo_destroy(pointer) }

    func check(_ operation: String) throws { try CairoError.check(cairo_status(pointer), operation) }
}

/// Collects the bytes Cairo writes to a stream.
final class ByteSink {
    var data = Data()

    /// The C callback: `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
