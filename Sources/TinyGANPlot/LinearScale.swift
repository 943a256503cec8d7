/// Maps a data interval [domainLower, domainUpper] linearly onto a pixel
/// interval [rangeStart, rangeEnd] (which may run backwards, as y does).
public struct LinearScale: Equatable, Sendable {
    public var domainLower, domainUpper: Double
    public var rangeStart, rangeEnd: Double

    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        domainLower = domain.lowerBound
        domainUpper = domain.upperBound
        (rangeStart, rangeEnd) = range
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domainUpper - domainLower
        let t = span > 0 ? (value - domainLower) / span : 0.5
        return rangeStart + t * (rangeEnd - rangeStart)
    }
}
