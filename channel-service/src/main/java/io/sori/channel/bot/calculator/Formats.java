package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How amounts, rates and Korean particles are written in replies. */
public final class Formats {

    private Formats() {
    }

    /** "3,650,125원"; amounts are whole won by the time they are shown. */
    public static String won(BigDecimal amount) {
        return grouped(amount.setScale(0, RoundingMode.DOWN), 0) + "원";
    }

    /** "1,390.50원": a rate, with its two decimals. */
    public static String rate(BigDecimal rate) {
        return grouped(rate, Math.max(2, Math.min(4, rate.stripTrailingZeros().scale()))) + "원";
    }

    /** "359.58달러", "100달러", "53,464엔", "120.50 호주 달러" — whole amounts without decimals, else in the minor unit. */
    public static String money(BigDecimal amount, String currency) {
        if (Currencies.KRW.equals(currency)) {
            return won(amount);
        }
        String word = Currencies.unitWord(currency);
        boolean whole = amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
        String number = grouped(amount, whole ? 0 : Currencies.minorDigits(currency));
        return number + (word.contains(" ") || word.equals(currency) ? " " + word : word);
    }

    /** "3.5%": a percentage without needless zeros. */
    public static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    static String grouped(BigDecimal amount, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(amount);
    }

    /** Whether the last syllable of a word has a final consonant (받침): picks 은/는, 이/가, 을/를. */
    public static boolean hasFinalConsonant(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        if (last >= '\uAC00' && last <= '\uD7A3') {
            return (last - '\uAC00') % 28 != 0;
        }
        // digits read in Korean: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant
        return "013678".indexOf(last) >= 0;
    }

    /** The topic particle for a word: "스타벅스는", "편의점은". */
    public static String topic(String word) {
        return word + (hasFinalConsonant(word) ? "은" : "는");
    }

    /** The object particle: "금리를", "금액을". */
    public static String object(String word) {
        return word + (hasFinalConsonant(word) ? "을" : "를");
    }

    /** "~예요" after a vowel, "~이에요" after a consonant: "139,050원이에요", "359.58달러예요". */
    public static String copula(String word) {
        return word + (hasFinalConsonant(word) ? "이에요" : "예요");
    }

    /** "~로" after a vowel or ㄹ, "~으로" after other consonants: "커피로", "편의점으로", "달빛으로". */
    public static String instrumental(String word) {
        if (word == null || word.isEmpty()) {
            return "";
        }
        char last = word.charAt(word.length() - 1);
        boolean rieul = last >= '\uAC00' && last <= '\uD7A3' && (last - '\uAC00') % 28 == 8;
        return word + (hasFinalConsonant(word) && !rieul ? "으로" : "로");
    }
}
