package io.sori.ticket.classification;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts customer text and keywords into one comparable form, so "이체 한도를" contains
 * "이체한도" and a macOS keyboard's decomposed Hangul matches composed keywords.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * NFKC (composes Hangul like NFC, and also folds the full-width digits and letters some
     * phone keyboards produce), Latin lower case, all whitespace removed. A line break becomes
     * '.', because it ends a thought as a full stop does and keyword proximity must not cross it.
     */
    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                    out.append('.');
                }
            } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '\u200b'
                    && cp != '\ufeff') {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A name or label key: normalised, without the separators people put between words. */
    static String key(String text) {
        return normalize(text).replaceAll("[·・/\\-_,.()]", "");
    }
}
