package io.sori.survey.stats;

/**
 * Runs of top scores (5 out of 5, 100 on the 0–100 scale) in the order the answers came: the run
 * still going ({@code current}) and the longest ({@code best}). Ten in a row is what the banks
 * celebrate. Fed one score at a time, oldest first.
 */
public final class Streaks {

    public static final int TOP = 5;

    private int current;
    private int best;

    public Streaks add(int overall) {
        current = overall == TOP ? current + 1 : 0;
        best = Math.max(best, current);
        return this;
    }

    public int current() {
        return current;
    }

    public int best() {
        return best;
    }
}
