package io.sori.survey.survey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public link's secret: 256 bits from {@link SecureRandom}, URL-safe base64 without padding
 * (43 characters). Whoever holds it may answer that one survey and nothing else.
 */
public final class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SurveyTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether a path segment could be a token at all; anything else is answered 404 without a lookup. */
    public static boolean wellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
