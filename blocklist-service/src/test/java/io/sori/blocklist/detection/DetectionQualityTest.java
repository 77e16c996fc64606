package io.sori.blocklist.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on the self-made labelled set {@code detection/korean-abuse.tsv} (see
 * docs/profanity-detection.md). The floors are set below today's figures so that a lexicon change
 * that costs accuracy fails here; the set was written with the detector, so it flatters it.
 */
class DetectionQualityTest {

    static final double PRECISION_FLOOR = 0.97;
    static final double RECALL_FLOOR = 0.95;
    static final double CATEGORY_FLOOR = 0.95;

    record Line(boolean abusive, String category, String text) {
    }

    private final ProfanityDetector detector = new ProfanityDetector();

    @Test
    void shouldFindAbuseWithPrecisionAndRecallAboveTheFloorsOnTheLabelledSet() throws IOException {
        List<Line> lines = load();
        int tp = 0, fp = 0, fn = 0, tn = 0, rightCategory = 0;
        List<String> mistakes = new ArrayList<>();
        for (Line line : lines) {
            List<Finding> found = detector.findAll(line.text());
            boolean flagged = !found.isEmpty();
            if (flagged && line.abusive()) {
                tp++;
                String worst = detector.worst(found).orElseThrow().name();
                if (worst.equals(line.category())) {
                    rightCategory++;
                } else {
                    mistakes.add("category " + worst + " for " + line.category() + ": " + line.text());
                }
            } else if (flagged) {
                fp++;
                mistakes.add("false positive " + found + ": " + line.text());
            } else if (line.abusive()) {
                fn++;
                mistakes.add("missed: " + line.text());
            } else {
                tn++;
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        double category = rightCategory / (double) tp;
        System.out.printf("korean-abuse.tsv: %d lines (%d abusive, %d not); TP %d FP %d FN %d TN %d; "
                        + "precision %.3f recall %.3f F1 %.3f; category right %.3f%n", lines.size(), tp + fn, fp + tn,
                tp, fp, fn, tn, precision, recall, 2 * precision * recall / (precision + recall), category);
        mistakes.forEach(m -> System.out.println("  " + m));

        assertThat(lines).hasSizeGreaterThanOrEqualTo(150);
        assertThat(precision).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(category).isGreaterThanOrEqualTo(CATEGORY_FLOOR);
    }

    static List<Line> load() throws IOException {
        try (InputStream in = DetectionQualityTest.class.getResourceAsStream("/detection/korean-abuse.tsv")) {
            List<Line> lines = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] cols = row.split("\t", 3);
                lines.add(new Line(cols[0].equals("1"), cols[1], cols[2]));
            }
            return lines;
        }
    }
}
