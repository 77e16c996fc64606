package io.sori.gateway.web;

import java.util.Optional;

/**
 * Whether a request path is in the one plain form the gateway's rules are written against. The
 * door refuses every other spelling ({@code /%61pi/…}, {@code /api;x=1/…}, {@code /api/./…},
 * {@code //api/…}, {@code %2F}) instead of guessing how a service behind it would decode it:
 * a rule can then only ever see the path the service will route.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why the raw (still percent-encoded) path is not canonical, or empty when it is. */
    public static Optional<String> whyNot(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("does not start with /");
        }
        if (rawPath.contains("//")) {
            return Optional.of("has an empty segment (//)");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("carries ;parameters");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash");
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("has a '" + segment + "' segment");
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            int value = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
            if (value < 0) {
                return Optional.of("has a malformed percent-escape");
            }
            // UTF-8 bytes of Korean and other non-ASCII text must be escaped; an ASCII character need not be
            if (value < 0x80) {
                return Optional.of("percent-encodes the ASCII character " + describe(value));
            }
        }
        return Optional.empty();
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static String describe(int ascii) {
        return ascii >= 0x21 && ascii < 0x7f ? "'" + (char) ascii + "'" : String.format("0x%02X", ascii);
    }
}
