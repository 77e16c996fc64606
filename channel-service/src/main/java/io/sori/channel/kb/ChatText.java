package io.sori.channel.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A knowledge-base article (Markdown) as a chat or messenger bubble shows it: plain text, no
 * markup left for the customer to read as pipes and asterisks.
 * <ul>
 * <li>tables become one line per row, "항목: 값" — the first cell names the row, the other cells
 * follow with their column's heading ("기본(가입 시): 1회 500만원, 1일 1,000만원"); a two-column
 * table reads "항목: 값" without headings;</li>
 * <li>bullets become "• " lines; numbered lists stay numbered;</li>
 * <li>headings, bold, italics, strike-through, code marks, quotes, rules and HTML tags go, their
 * words stay;</li>
 * <li>links keep their text and address: "앱 안내 (https://…)"; an image keeps its description.</li>
 * </ul>
 * Framework-free and total: any text in, plain text out (text without Markdown comes out as it went in).
 */
public final class ChatText {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
    private static final Pattern CODE = Pattern.compile("`+([^`]+)`+");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern LEFTOVER_MARKS = Pattern.compile("\\*\\*|__|~~");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private ChatText() {
    }

    public static String fromMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (TABLE_ROW.matcher(line).matches() || (!table.isEmpty() && TABLE_RULE.matcher(line).matches())) {
                if (!TABLE_RULE.matcher(line).matches()) {
                    table.add(cells(line));
                }
                continue;
            }
            flush(table, out);
            out.add(line(line));
        }
        flush(table, out);
        String text = BLANK_LINES.matcher(String.join("\n", out)).replaceAll("\n\n");
        return text.strip();
    }

    private static String line(String line) {
        if (RULE.matcher(line).matches()) {
            return "";
        }
        String text = QUOTE.matcher(line).replaceFirst("");
        Matcher heading = HEADING.matcher(text);
        if (heading.matches()) {
            text = heading.group(1);
        }
        Matcher bullet = BULLET.matcher(text);
        if (bullet.matches()) {
            text = bullet.group(1) + "• " + bullet.group(2);
        }
        return inline(text);
    }

    private static String inline(String text) {
        String plain = IMAGE.matcher(text).replaceAll("$1");
        plain = LINK.matcher(plain).replaceAll(m -> link(m.group(1), m.group(2)));
        plain = AUTOLINK.matcher(plain).replaceAll("$1");
        plain = CODE.matcher(plain).replaceAll("$1");
        plain = STRONG.matcher(plain).replaceAll("$2");
        plain = EMPHASIS.matcher(plain).replaceAll("$1");
        plain = STRIKE.matcher(plain).replaceAll("$1");
        plain = TAG.matcher(plain).replaceAll("");
        return LEFTOVER_MARKS.matcher(plain).replaceAll("");
    }

    private static String link(String text, String url) {
        String label = text.strip();
        return Matcher.quoteReplacement(label.equals(url) ? url : label + " (" + url + ")");
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(inline(cell.replace("\\|", "|").strip()));
        }
        return cells;
    }

    /** A table as "항목: 값" lines; the heading row names the values of rows with more than two cells. */
    private static void flush(List<List<String>> table, List<String> out) {
        if (table.isEmpty()) {
            return;
        }
        List<String> headings = table.get(0);
        List<List<String>> rows = table.size() > 1 ? table.subList(1, table.size()) : table;
        for (List<String> row : rows) {
            if (row.stream().allMatch(String::isEmpty)) {
                continue;
            }
            StringBuilder line = new StringBuilder("• ").append(row.get(0));
            List<String> values = new ArrayList<>();
            for (int i = 1; i < row.size(); i++) {
                if (row.get(i).isEmpty()) {
                    continue;
                }
                String heading = row.size() > 2 && i < headings.size() && rows != table ? headings.get(i) : "";
                values.add(heading.isEmpty() ? row.get(i) : heading + " " + row.get(i));
            }
            if (!values.isEmpty()) {
                line.append(": ").append(String.join(", ", values));
            }
            out.add(line.toString());
        }
        table.clear();
    }
}
