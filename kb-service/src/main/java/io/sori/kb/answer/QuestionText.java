package io.sori.kb.answer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer's question as it is counted among the gaps: the same question typed differently
 * ("카드 분실 어떻게 해요?", "카드 분실  어떻게 해요") counts once, and nothing that identifies a
 * person is kept (long digit runs such as account, card and phone numbers become {@code #}).
 */
public final class QuestionText {

    public static final int MAX_LENGTH = 200;
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\d[\\d -]{4,}\\d");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}~…·“”‘’&&[^#]]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private QuestionText() {
    }

    public static String normalise(String question) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = EMAIL.matcher(text).replaceAll("#");
        text = DIGIT_RUNS.matcher(text).replaceAll("#");
        text = PUNCTUATION.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
