package io.sori.corebanking.simulation;

import io.sori.events.banking.EmergencyAction;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * When the simulated core fails an action, so that demos and tests can show both outcomes:
 * always for the configured customers, otherwise at random with the configured rate.
 * A customer pattern is a prefix of the customer id ({@code cust-fail-}), or, if it holds
 * {@code *} or {@code ?}, a glob over the whole id ({@code *-timeout}).
 */
public final class FailurePolicy {

    private final List<String> patterns;
    private final List<Predicate<String>> matchers;
    private final double rate;
    private final DoubleSupplier random;

    public FailurePolicy(List<String> customerPatterns, double rate, DoubleSupplier random) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("the failure rate must be between 0 and 1, not " + rate);
        }
        this.patterns = customerPatterns == null ? List.of()
                : customerPatterns.stream().filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty())
                        .toList();
        this.matchers = patterns.stream().map(FailurePolicy::matcher).toList();
        this.rate = rate;
        this.random = Objects.requireNonNull(random, "random");
    }

    public static FailurePolicy never() {
        return new FailurePolicy(List.of(), 0.0, () -> 1.0);
    }

    public boolean alwaysFails(String customerId) {
        return matchers.stream().anyMatch(m -> m.test(customerId));
    }

    boolean failsByChance() {
        return rate > 0.0 && random.getAsDouble() < rate;
    }

    /** What a real core says when it cannot act: Korean for the agent, the technical cause in brackets. */
    static String reason(EmergencyAction action) {
        return switch (action) {
            case FREEZE_ACCOUNT -> "계좌 상태 확인 불가 (core timeout)";
            case SUSPEND_CARD -> "카드 상태 확인 불가 (card system timeout)";
        };
    }

    public List<String> customerPatterns() {
        return patterns;
    }

    public double rate() {
        return rate;
    }

    private static Predicate<String> matcher(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return id -> id.startsWith(pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return id -> compiled.matcher(id).matches();
    }
}
