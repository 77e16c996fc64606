package io.sori.channel.reentry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the reports that must always get through, even from a blocked customer: a lost or
 * stolen card (분실, 도난, 잃어버…) and fraud (보이스피싱, 사기, 명의도용, 해킹), by the words of the
 * text (spacing ignored) or by the channel's category hint. Fraud wins when both appear: an account
 * freeze is the more urgent action.
 */
public final class UrgentReport {

    public static final String CARD_LOSS = "CARD_LOSS";
    public static final String FRAUD = "FRAUD";

    private static final List<String> FRAUD_WORDS = List.of("보이스피싱", "사기", "명의도용", "해킹", "피싱", "스미싱");
    private static final List<String> LOSS_WORDS = List.of("분실", "도난", "잃어버", "잃어 버", "도둑맞", "훔쳐");

    private UrgentReport() {
    }

    /** CARD_LOSS or FRAUD when the contact is an emergency report, else empty. */
    public static Optional<String> categoryOf(String text, String categoryHint) {
        String hint = categoryHint == null ? "" : categoryHint.strip().toUpperCase(Locale.ROOT);
        String words = text == null ? "" : text.replaceAll("\\s+", "");
        if (hint.equals(FRAUD) || FRAUD_WORDS.stream().anyMatch(words::contains)) {
            return Optional.of(FRAUD);
        }
        if (hint.equals(CARD_LOSS) || LOSS_WORDS.stream().map(w -> w.replace(" ", "")).anyMatch(words::contains)) {
            return Optional.of(CARD_LOSS);
        }
        return Optional.empty();
    }
}
