package io.sori.platform.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Category;
import io.sori.events.banking.EmergencyAction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the intent model over the labelled evaluation set ({@code intent/evaluation.tsv}) and holds
 * it to the bank's targets: no false freeze or card stop, at least 95% of real emergencies
 * recognised, at least 90% of categories right. Prints precision and recall per decision and every
 * line it gets wrong (see docs/intent-evaluation.md).
 */
class IntentEvaluationTest {

    /** Tuesday morning: the set's deadlines are labelled against it. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, ZoneId.of("Asia/Seoul"));

    record Line(int number, String text, Category category, boolean freeze, boolean cardStop, boolean emergency,
            boolean complaint, boolean deadline, boolean identityTheft) {
    }

    record Scored(Line line, Intent intent) {
    }

    /** One yes/no decision: what the label says and what the model said. */
    record Decision(String name, Predicate<Line> label, Predicate<Intent> model) {
    }

    static final List<Decision> DECISIONS = List.of(
            new Decision("FREEZE_ACCOUNT", Line::freeze, i -> i.emergencyActions().contains(EmergencyAction.FREEZE_ACCOUNT)),
            new Decision("SUSPEND_CARD", Line::cardStop, i -> i.emergencyActions().contains(EmergencyAction.SUSPEND_CARD)),
            new Decision("emergency recognised", Line::emergency, Intent::isEmergency),
            new Decision("formal complaint", Line::complaint, Intent::formalComplaint),
            new Decision("deadline present", Line::deadline, i -> i.deadlineAt() != null),
            new Decision("handoff for identity theft", Line::identityTheft, i -> i.identityTheft() && i.isEmergency()));

    static List<Scored> scored;

    @BeforeAll
    static void runTheModelOverTheSet() throws IOException {
        IntentModel model = IntentModel.withDefaults();
        scored = read().stream().map(line -> new Scored(line, model.read(line.text(), NOW))).toList();
    }

    @Test
    void shouldHoldAtLeastThreeHundredLabelledLines() {
        assertThat(scored).hasSizeGreaterThanOrEqualTo(300);
        assertThat(scored.stream().filter(s -> s.line().emergency()).count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void shouldMeetTheBanksTargets() {
        StringBuilder report = new StringBuilder("\nIntent evaluation over " + scored.size() + " lines\n");
        report.append(String.format("%-28s %4s %4s %4s %10s %8s%n", "decision", "TP", "FP", "FN", "precision", "recall"));
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Decision decision : DECISIONS) {
            int[] c = count(decision);
            counts.put(decision.name(), c);
            report.append(String.format("%-28s %4d %4d %4d %10s %8s%n", decision.name(), c[0], c[1], c[2],
                    percent(c[0], c[0] + c[1]), percent(c[0], c[0] + c[2])));
        }
        long right = scored.stream().filter(s -> s.intent().category() == s.line().category()).count();
        report.append(String.format("%-28s %d/%d = %s%n", "category accuracy", right, scored.size(),
                percent((int) right, scored.size())));
        report.append("\nLines the model gets wrong:\n");
        for (Scored s : scored) {
            List<String> wrong = mistakes(s);
            if (!wrong.isEmpty()) {
                report.append(String.format("  %3d  %s  -> %s%n", s.line().number(), s.line().text(), String.join(", ", wrong)));
            }
        }
        System.out.println(report);

        assertThat(counts.get("FREEZE_ACCOUNT")[1]).as("false freezes" + report).isZero();
        assertThat(counts.get("SUSPEND_CARD")[1]).as("false card stops" + report).isZero();
        int[] emergency = counts.get("emergency recognised");
        assertThat(emergency[0] / (double) (emergency[0] + emergency[2])).as("emergency recall" + report)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(right / (double) scored.size()).as("category accuracy" + report).isGreaterThanOrEqualTo(0.90);
    }

    private static int[] count(Decision decision) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Scored s : scored) {
            boolean expected = decision.label().test(s.line());
            boolean said = decision.model().test(s.intent());
            if (expected && said) {
                tp++;
            } else if (said) {
                fp++;
            } else if (expected) {
                fn++;
            }
        }
        return new int[] {tp, fp, fn};
    }

    private static List<String> mistakes(Scored s) {
        List<String> wrong = new ArrayList<>();
        if (s.intent().category() != s.line().category()) {
            wrong.add("category " + s.intent().category() + " (want " + s.line().category() + ")");
        }
        for (Decision decision : DECISIONS) {
            boolean expected = decision.label().test(s.line());
            if (decision.model().test(s.intent()) != expected) {
                wrong.add((expected ? "missed " : "false ") + decision.name());
            }
        }
        return wrong;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }

    private static List<Line> read() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                IntentEvaluationTest.class.getResourceAsStream("/intent/evaluation.tsv")), StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = in.readLine()) != null) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String[] f = raw.split("\t");
                if (f.length != 8) {
                    throw new IllegalStateException("line " + number + " has " + f.length + " columns: " + raw);
                }
                Function<String, Boolean> flag = value -> switch (value.strip()) {
                    case "1" -> true;
                    case "0" -> false;
                    default -> throw new IllegalStateException("line " + lines.size() + ": not 0 or 1: " + value);
                };
                lines.add(new Line(number, f[0], Category.valueOf(f[1].strip()), flag.apply(f[2]), flag.apply(f[3]),
                        flag.apply(f[4]), flag.apply(f[5]), flag.apply(f[6]), flag.apply(f[7])));
            }
        }
        return lines;
    }
}
