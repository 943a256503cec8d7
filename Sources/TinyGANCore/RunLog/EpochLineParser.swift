import Foundation

/// Reads one epoch line of a run log exactly as `RunLogCoding`'s encoder
/// writes it, byte by byte, without a general JSON decoder:
///
///     {"dFakeLoss":F,["dPenalty":F,]"dRealLoss":F,"epoch":I,"fakeMean":F,"fakeStd":F,"gLoss":F,"realMean":F,"realStd":F,"type":"epoch"}
///
/// (keys sorted, no whitespace), where F is a JSON number or one of the
/// strings "nan", "inf", "-inf" (the encoder's non-conforming floats) and I
/// an integer. It gives the values `JSONDecoder` gives, or nil: a number
/// is rounded correctly to the nearest Float (Clinger's fast path, else the
/// standard library's `Float(_: String)`), as swift-foundation's decoder
/// rounds it with `strtof_l` in the C locale (`Float(prevalidatedBuffer:)`;
/// correct rounding has one answer), and every case the decoder treats
/// specially (a number that overflows to infinity or underflows to zero, an
/// integer that would need its slow path, `null`, another key order, extra
/// keys or whitespace, a line end other than LF) is left to the decoder by
/// answering nil. So a caller that falls back to the decoder on nil can never
/// read a different value than the decoder would.
public enum EpochLineParser {
    /// The record of `line` (without its line end), or nil when the line is
    /// not exactly an epoch record of the encoder's shape.
    public static func parse(_ line: UnsafeRawBufferPointer) -> EpochRecord? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var cursor = Cursor(at: base, end: base + line.count)
        guard cursor.skip(#"{"dFakeLoss":"#), let dFakeLoss = cursor.float() else { return nil }
        var dPenalty: Float?
        if cursor.skip(#","dPenalty":"#) {
            guard let value = cursor.float() else { return nil }
            dPenalty = value
        }
        guard cursor.skip(#","dRealLoss":"#), let dRealLoss = cursor.float(),
              cursor.skip(#","epoch":"#), let epoch = cursor.integer(),
              cursor.skip(#","fakeMean":"#), let fakeMean = cursor.float(),
              cursor.skip(#","fakeStd":"#), let fakeStd = cursor.float(),
              cursor.skip(#","gLoss":"#), let gLoss = cursor.float(),
              cursor.skip(#","realMean":"#), let realMean = cursor.float(),
              cursor.skip(#","realStd":"#), let realStd = cursor.float(),
              cursor.skip(#","type":"epoch"}"#), cursor.atEnd
        else { return nil }
        return EpochRecord(epoch: epoch, dRealLoss: dRealLoss, dFakeLoss: dFakeLoss, dPenalty: dPenalty,
                           gLoss: gLoss, realMean: realMean, realStd: realStd, fakeMean: fakeMean,
                           fakeStd: fakeStd)
    }

    struct Cursor {
        var at: UnsafePointer<UInt8>
        let end: UnsafePointer<UInt8>

        var atEnd: Bool { at == end }

        func peek(_ offset: Int = 0) -> UInt8? { at + offset < end ? at[offset] : nil }

        /// Moves past `literal` if the bytes here are exactly it.
        mutating func skip(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard end - at >= count, memcmp(at, literal.utf8Start, count) == 0 else { return false }
            at += count
            return true
        }

        /// A non-negative or negative integer without leading zeros, sign
        /// "+", fraction or exponent, that fits in an Int: the decoder's fast
        /// path (`_parseInteger`).
        mutating func integer() -> Int? {
            var p = at
            let negative = p < end && p.pointee == UInt8(ascii: "-")
            if negative { p += 1 }
            let first = p
            var value = 0
            while p < end, p.pointee &- 48 < 10 {
                let digit = Int(p.pointee &- 48)
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                guard !o1, !o2 else { return nil }
                value = sum
                p += 1
            }
            let digits = p - first
            guard digits > 0, digits == 1 || first.pointee != UInt8(ascii: "0") else { return nil }
            at = p
            return value
        }

        /// A Float: "nan", "inf" or "-inf" as a string, or a JSON number
        /// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`) whose
        /// value is finite and, if zero, written with zero digits only and
        /// no exponent,
        /// followed by ",", "}" or "]" (in an object or an array).
        mutating func float() -> Float? {
            if peek() == UInt8(ascii: "\"") {
                if skip(#""nan""#) { return .nan }
                if skip(#""inf""#) { return .infinity }
                if skip(#""-inf""#) { return -.infinity }
                return nil
            }
            var p = at
            var mantissa: UInt64 = 0, significantDigits = 0, exponent = 0
            func digits() -> Int {
                let first = p
                while p < end, p.pointee &- 48 < 10 {
                    if mantissa != 0 || p.pointee != 48 {
                        // Digits past 19 would overflow: such numbers go to `slowFloat`.
                        if significantDigits < 19 { mantissa = mantissa &* 10 &+ UInt64(p.pointee &- 48) }
                        significantDigits += 1
                    }
                    p += 1
                }
                return p - first
            }
            let negative = p < end && p.pointee == UInt8(ascii: "-")
            if negative { p += 1 }
            let integerStart = p
            let integerDigits = digits()
            guard integerDigits > 0, integerDigits == 1 || integerStart.pointee != 48 else { return nil }
            if p < end, p.pointee == UInt8(ascii: ".") {
                p += 1
                let fraction = digits()
                guard fraction > 0 else { return nil }
                exponent -= fraction
            }
            let hasExponent = p < end && p.pointee | 0x20 == UInt8(ascii: "e")
            if hasExponent {
                p += 1
                let exponentNegative = p < end && p.pointee == UInt8(ascii: "-")
                if p < end, p.pointee == UInt8(ascii: "+") || p.pointee == UInt8(ascii: "-") { p += 1 }
                let exponentStart = p
                var written = 0
                while p < end, p.pointee &- 48 < 10 {
                    written = min(written * 10 + Int(p.pointee &- 48), 100_000)
                    p += 1
                }
                guard p > exponentStart else { return nil }
                exponent += exponentNegative ? -written : written
            }
            guard p < end, p.pointee == UInt8(ascii: ",") || p.pointee == UInt8(ascii: "}")
                || p.pointee == UInt8(ascii: "]") else { return nil }
            let value: Float
            if mantissa == 0 {
                // Zero digits only: a true zero, which the decoder reads as such,
                // except with an exponent, which it refuses in some forms ("0e5",
                // "-0.0e5", "0.00e-3") and reads in others ("0e0", "0.0e5").
                guard !hasExponent else { return nil }
                value = negative ? -0.0 : 0
            } else if significantDigits <= 19, let fast = Self.fastFloat(mantissa, exponent) {
                value = negative ? -fast : fast
            } else {
                guard let slow = Self.slowFloat(from: at, to: p) else { return nil }
                value = slow
            }
            // Infinity from a finite number, or zero from non-zero digits: the decoder's errors.
            guard value.isFinite, value != 0 || mantissa == 0 else { return nil }
            at = p
            return value
        }

        /// 10^k for k in 0...22, exactly (5^k is below 2^53), as literals: a
        /// table in the binary, with no lazily built array to check at every number.
        static func powerOfTen(_ k: Int) -> Double {
            switch k {
            case 0: 1e0
            case 1: 1e1
            case 2: 1e2
            case 3: 1e3
            case 4: 1e4
            case 5: 1e5
            case 6: 1e6
            case 7: 1e7
            case 8: 1e8
            case 9: 1e9
            case 10: 1e10
            case 11: 1e11
            case 12: 1e12
            case 13: 1e13
            case 14: 1e14
            case 15: 1e15
            case 16: 1e16
            case 17: 1e17
            case 18: 1e18
            case 19: 1e19
            case 20: 1e20
            case 21: 1e21
            default: 1e22
            }
        }

        /// mantissa * 10^exponent rounded to the nearest Float, or nil when
        /// this path cannot be sure. With mantissa < 2^53 and |exponent| <= 22
        /// both factors are exact Doubles, so d = mantissa (* or /) 10^|exponent|
        /// is the correctly rounded Double of the exact value x (Clinger,
        /// "How to read floating point numbers accurately", PLDI 1990).
        /// Rounding d again, to Float, errs only when d lands exactly on the
        /// midpoint of two Floats (a Double, since Floats have 24 bits):
        /// rounding is monotone, so x and d lie on the same side of every
        /// Double, midpoints included, and otherwise round to the same Float.
        /// That case is left to `slowFloat`.
        static func fastFloat(_ mantissa: UInt64, _ exponent: Int) -> Float? {
            guard mantissa < 1 << 53, (-22...22).contains(exponent) else { return nil }
            let d = exponent >= 0 ? Double(mantissa) * powerOfTen(exponent) : Double(mantissa) / powerOfTen(-exponent)
            let f = Float(d)
            guard f.isFinite else { return nil }
            if Double(f) == d { return f }
            let neighbour = Double(f) < d ? f.nextUp : f.nextDown
            guard neighbour.isFinite, (Double(f) + Double(neighbour)) / 2 != d else { return nil }
            return f
        }

        /// The standard library's correctly rounded parse of the bytes (in a
        /// small String, stored inline, for up to 15 bytes).
        static func slowFloat(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> Float? {
            Float(String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
        }
    }
}
