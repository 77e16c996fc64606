package io.sori.blocklist.detection;

/**
 * One abusive expression found in a message.
 *
 * @param term    the lexicon's spelling of what was found (시발), whatever its disguise
 * @param matched the text as the customer wrote it (ㅅ1ㅂ), from {@code start} to {@code end}
 */
public record Finding(Category category, String term, String matched, int start, int end) {
}
