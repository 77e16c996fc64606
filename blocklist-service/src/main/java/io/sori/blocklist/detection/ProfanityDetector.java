package io.sori.blocklist.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Korean profanity, insults, threats and sexual harassment in a customer's message, through
 * the usual disguises: spacing (시 발), initials (ㅅㅂ, ㅄ), jamo typed apart (ㅅㅣㅂㅏㄹ), tense and
 * look-alike spellings (씨빨, 싀발, ㅅ1ㅂ, ^^ㅣ발), digits (18, 시8), Latin look-alikes (c발), Korean
 * typed in English mode (tlqkf) and romanisation (sibal). Framework-free and stateless.
 *
 * <p>Spacing is forgiven only where it splits a word: an expression may run across a gap only if it
 * starts a word, so 시 발 and 개 새 끼 count but 다시 발급 and 수박씨 발라 do not.
 */
public final class ProfanityDetector {

    /** Every finding in the message, in order, one per place (the most severe when readings differ). */
    public List<Finding> findAll(String message) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        KoreanText typed = KoreanText.read(message);
        scan(message, typed, true, found);
        if (message.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            // English words typed in Korean mode leave runs of lone consonants (account → ㅁㅊㅊ…): whole syllables only
            scan(message, KoreanText.readAsKoreanKeyboard(message), false, found);
        }
        StringBuilder halfWidth = new StringBuilder(message.length());
        message.chars().forEach(c -> halfWidth.append(KoreanText.halfWidth((char) c)));
        String lower = halfWidth.toString().toLowerCase(Locale.ROOT);
        patterns(message, lower, Lexicon.LATIN, found);
        patterns(message, lower, Lexicon.DIGITS, found);
        return distinct(found);
    }

    /** The most severe category found, if any. */
    public Optional<Category> worst(List<Finding> findings) {
        return findings.stream().map(Finding::category).min(Comparator.naturalOrder());
    }

    private static void scan(String original, KoreanText text, boolean initials, List<Finding> found) {
        List<int[]> innocent = innocentSpans(text.joined());
        String joined = text.joined();
        for (Lexicon.Entry entry : Lexicon.ENTRIES) {
            int n = entry.loose().length();
            for (int i = 0; i + n <= joined.length(); i++) {
                if (matches(entry, joined, i, initials) && (entry.particleStart() || fair(text, i, n)) && !innocent(entry, original, text, i, n, innocent)) {
                    var units = text.units();
                    int from = units.get(i).from();
                    int to = units.get(i + n - 1).to();
                    found.add(new Finding(entry.category(), entry.term(), original.substring(from, to), from, to));
                }
            }
        }
    }

    private static boolean matches(Lexicon.Entry entry, String joined, int at, boolean initials) {
        boolean allInitials = true;
        for (int k = 0; k < entry.loose().length(); k++) {
            char want = entry.loose().charAt(k);
            char got = joined.charAt(at + k);
            boolean initial = initials && entry.abbreviable() && Hangul.isConsonant(got) && Hangul.isSyllable(want)
                    && got == Hangul.loose(Hangul.initialJamo(want));
            if (got != want && !initial) {
                return false;
            }
            allInitials &= initial;
        }
        return !entry.abbreviationOnly() || allInitials;
    }

    /** An expression runs across a gap only when it starts a word (시 발), never from inside one (다시 발급). */
    private static boolean fair(KoreanText text, int start, int length) {
        for (int k = 1; k < length; k++) {
            if (text.startsToken(start + k)) {
                return text.startsToken(start);
            }
        }
        return true;
    }

    private static boolean innocent(Lexicon.Entry entry, String original, KoreanText text, int start, int length,
            List<int[]> innocentSpans) {
        if (start > 0 && !text.startsToken(start) && entry.innocentAfter().indexOf(text.joined().charAt(start - 1)) >= 0) {
            return true;
        }
        int end = start + length;
        if (innocentSpans.stream().anyMatch(span -> span[0] <= start && end <= span[1])) {
            return true;
        }
        return entry.guard() != null && entry.guard().innocent(original, text, start, end);
    }

    private static List<int[]> innocentSpans(String joined) {
        List<int[]> spans = new ArrayList<>();
        for (Pattern word : Lexicon.INNOCENT_WORDS) {
            Matcher m = word.matcher(joined);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }

    private static void patterns(String original, String lower, Pattern pattern, List<Finding> found) {
        Matcher m = pattern.matcher(lower);
        while (m.find()) {
            String term = m.group().equals("18") ? "씨팔" : m.group().equals("10새") ? "씹새" : m.group();
            found.add(new Finding(Category.PROFANITY, term,
                    original.substring(m.start(), m.end()), m.start(), m.end()));
        }
    }

    /** One finding per place in the text: overlapping readings keep the most severe, then the longest. */
    private static List<Finding> distinct(List<Finding> found) {
        List<Finding> ordered = found.stream()
                .sorted(Comparator.comparing(Finding::category).thenComparing(f -> f.start() - f.end())).toList();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : ordered) {
            if (kept.stream().noneMatch(k -> k.start() < f.end() && f.start() < k.end())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }
}
