package io.sori.platform.intent;

import java.text.Normalizer;

/**
 * Puts customer text and keywords into one comparable form, so "이체 한도를" contains
 * "이체한도" and a macOS keyboard's decomposed Hangul matches composed keywords.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Normalised text, and where each of its characters came from, so a match can be shown in
     * the customer's own spelling ("이체 한도", not "이체한도").
     *
     * @param source the text after NFKC, before anything was removed
     * @param origin for each character of {@code text}, its index in {@code source}
     */
    record Normalized(String text, String source, int[] origin) {

        /** The source text a match at [start, end) of the normalised text came from. */
        String original(int start, int end) {
            return source.substring(origin[start], origin[end - 1] + 1);
        }
    }

    static String normalize(String text) {
        return normalizeTracking(text).text();
    }

    /**
     * NFKC (composes Hangul like NFC, and also folds the full-width digits and letters some
     * phone keyboards produce), lower case, all whitespace removed. A line break becomes '.',
     * because it ends a thought as a full stop does and keyword proximity must not cross it.
     */
    static Normalized normalizeTracking(String text) {
        String source = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(source.length());
        int[] origin = new int[source.length()];
        for (int i = 0; i < source.length(); ) {
            int cp = source.codePointAt(i);
            if (cp == '\n' || cp == '\r') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                    origin[out.length()] = i;
                    out.append('.');
                }
            } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '\u200b' && cp != '\ufeff') {
                // one code point to one (so positions stay aligned), unlike String.toLowerCase
                char[] lower = Character.toChars(Character.toLowerCase(cp));
                for (int j = 0; j < lower.length; j++) {
                    origin[out.length()] = i + Math.min(j, Character.charCount(cp) - 1);
                    out.append(lower[j]);
                }
            }
            i += Character.charCount(cp);
        }
        return new Normalized(out.toString(), source, origin);
    }

    /** A name or label key: normalised, without the separators people put between words. */
    static String key(String text) {
        return normalize(text).replaceAll("[·・/\\-_,.()]", "");
    }
}
