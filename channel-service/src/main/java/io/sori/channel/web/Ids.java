package io.sori.channel.web;

import io.sori.platform.web.ProblemException;
import java.util.regex.Pattern;

/** The safe-id rule every id a caller sends must follow (no {@code $}, no dots first, bounded). */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    private static final Pattern SAFE = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** Throws a 400 naming the field when the id is not a safe id. */
    public static String require(String field, String id) {
        if (!isSafe(id)) {
            throw ProblemException.badRequest(field, "must be an id of letters, digits and _.:- (at most 64)");
        }
        return id;
    }
}
