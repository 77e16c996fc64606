package io.sori.survey.stats;

/**
 * One group's satisfaction, from sums the store adds up. Framework-free arithmetic:
 * <ul>
 * <li>{@code csat}: the share of answers scoring 4 or 5 (0–1);</li>
 * <li>{@code score100}: the average overall score on 0–100 (1 → 0, 2 → 25, …, 5 → 100);</li>
 * <li>{@code responseRate}: of the surveys issued in the period, the share answered (0–1).</li>
 * </ul>
 * Empty denominators give null rather than a made-up 0.
 *
 * @param responses        answers given in the period
 * @param satisfied        of those, scoring 4 or 5
 * @param score100Sum      their scores on 0–100, added up
 * @param issued           surveys issued in the period
 * @param answeredOfIssued of those, answered by now
 */
public record Rollup(long responses, long satisfied, long score100Sum, long issued, long answeredOfIssued) {

    public static final Rollup NONE = new Rollup(0, 0, 0, 0, 0);

    public Double csat() {
        return responses == 0 ? null : round((double) satisfied / responses, 4);
    }

    public Double score100() {
        return responses == 0 ? null : round((double) score100Sum / responses, 1);
    }

    public Double responseRate() {
        return issued == 0 ? null : round((double) answeredOfIssued / issued, 4);
    }

    public Rollup plus(Rollup other) {
        return new Rollup(responses + other.responses, satisfied + other.satisfied, score100Sum + other.score100Sum,
                issued + other.issued, answeredOfIssued + other.answeredOfIssued);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
