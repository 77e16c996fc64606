package io.sori.survey.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately blunt stand-in: every run of six or more digits (spaces, dots and hyphens
 * between them allowed) is masked but for its last four. It over-masks (a long amount loses its
 * digits too) rather than let a personal number through; survey comments rarely need long numbers.
 */
public final class DigitRunMasking implements FreeTextRedactor {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[ .\\-]?\\d){5,}");

    @Override
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(maskAllButLastFour(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskAllButLastFour(String run) {
        int digits = (int) run.chars().filter(Character::isDigit).count();
        int toMask = digits - 4;
        StringBuilder masked = new StringBuilder(run.length());
        for (char c : run.toCharArray()) {
            if (Character.isDigit(c) && toMask > 0) {
                masked.append('*');
                toMask--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
