import Foundation

/// The CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), for
/// timings on a machine shared with other work: the slices the scheduler
/// gives to other processes do not count, as wall time would (their use
/// of the shared caches still does).
public enum ThreadClock {
    public static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
