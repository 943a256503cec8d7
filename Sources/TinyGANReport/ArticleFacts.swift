/// What the article reports of its own fragility experiment, named once:
/// it ran its program `runs` times and saw `successes` of them succeed. A
/// report's experiment has as many runs unless told otherwise, and its pages
/// compare their counts with these.
public enum ArticleFacts {
    /// Runs in the article's experiment, and the report's default `--runs`.
    public static let runs = 10
    /// Runs of the article's experiment that ended near the bell curve.
    public static let successes = 8
}
