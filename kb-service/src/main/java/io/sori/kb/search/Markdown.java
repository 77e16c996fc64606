package io.sori.kb.search;

import java.util.regex.Pattern;

/**
 * Markdown to the plain text that is indexed and shown in snippets: syntax marks go, the
 * words stay (link texts, list items, table cells, emphasis).
 */
final class Markdown {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
    private static final Pattern QUOTE = Pattern.compile("(?m)^\\s*>\\s?");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*+]\\s+");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}.*$");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`|~~)");
    private static final Pattern PIPE = Pattern.compile("[ \\t]*\\|[ \\t]*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private Markdown() {
    }

    static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = markdown.replace("\r\n", "\n");
        text = IMAGE.matcher(text).replaceAll("$1");
        text = LINK.matcher(text).replaceAll("$1");
        text = RULE.matcher(text).replaceAll("");
        text = TABLE_RULE.matcher(text).replaceAll("");
        text = HEADING.matcher(text).replaceAll("");
        text = QUOTE.matcher(text).replaceAll("");
        text = BULLET.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = PIPE.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n");
        return text.strip();
    }
}
