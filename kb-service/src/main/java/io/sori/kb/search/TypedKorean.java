package io.sori.kb.search;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A question as customers type it in a chat, made readable for the analyzer before it is searched:
 * full-width and compatibility characters folded, laughter, crying and other bare jamo (ㅋㅋ, ㅠㅠ,
 * ㅎㅎ), emoticons (^^, T_T, :)) and emoji taken out (Nori reads "어떡해요ㅠㅠ" as one unknown
 * word, which then weighs the most and matches nothing), and common misspellings corrected from
 * {@code kb/analysis/corrections_ko.txt} (됬 → 됐, 않돼 → 안 돼, 어케 → 어떻게, 이채 → 이체, …).
 * Framework-free; thread-safe.
 */
public final class TypedKorean {

    private static final Pattern BARE_JAMO = Pattern.compile("[\\u3131-\\u318E\\u1100-\\u11FF]+");
    private static final Pattern EMOTICON = Pattern.compile(
            "\\^[_.\\-o]?\\^|[Tㅠㅜ]_+[Tㅠㅜ]|[:;]-?[)(DPp]|;{2,}|~{2,}|\\.{2,}|[\\p{So}\\p{Cs}\\x{FE0F}\\x{200D}]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    /** Longest first, so "어떻해" is corrected before a shorter entry inside it could be. */
    private final List<Map.Entry<String, String>> corrections;

    TypedKorean(Map<String, String> corrections) {
        this.corrections = corrections.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
    }

    public String normalise(String question) {
        // before folding: NFKC turns bare jamo (ㅋ) into conjoining ones that may compose into syllables
        String text = EMOTICON.matcher(question).replaceAll(" ");
        text = BARE_JAMO.matcher(text).replaceAll(" ");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        for (Map.Entry<String, String> correction : corrections) {
            if (text.contains(correction.getKey())) {
                text = text.replace(correction.getKey(), correction.getValue());
            }
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
