package io.sori.channel.bot.calculator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which merchants give check-card cashback and how much: by a merchant's name ("스타 커피",
 * spaces and case ignored, or part of it: "달빛") or by a whole category ("커피", "편의점").
 */
public final class CashbackLookup {

    /** The word just before 캐시백: "스타벅스 캐시백 되나요?", "편의점에서 캐시백". */
    private static final Pattern SUBJECT = Pattern.compile("([\\p{IsAlphabetic}\\d]+)\\s*캐시백");
    private static final List<String> PARTICLES = List.of("에서도", "에서는", "에서", "이랑", "하고", "은", "는", "이", "가", "도",
            "을", "를", "의", "에", "랑", "로", "으로");
    /** Words before 캐시백 that are not merchants: "이번 달 캐시백", "제 캐시백". */
    private static final Set<String> NOT_MERCHANTS = Set.of("이번달", "지난달", "저번달", "다음달", "이번", "지난", "달", "내",
            "제", "저", "우리", "오늘", "어제", "언제", "월", "총", "체크카드", "카드", "신용카드", "소리", "소리은행", "혜택",
            "받은", "받을", "적립된", "들어온", "그", "이", "무슨", "어떤", "어디", "어디서", "무엇", "뭐", "왜");

    private CashbackLookup() {
    }

    /**
     * What was looked up and what was found.
     *
     * @param query      the merchant or category the customer named
     * @param byCategory the query is a category: every merchant of it is listed
     */
    public record Result(String query, boolean byCategory, List<CashbackMerchant> found) {
    }

    /** The merchant or category the customer asks about, if the text names one. */
    public static Optional<String> subject(String text, CashbackMerchants merchants) {
        String folded = fold(text);
        if (merchants != null) {
            for (CashbackMerchant merchant : merchants.merchants()) {
                if (folded.contains(fold(merchant.name()))) {
                    return Optional.of(merchant.name());
                }
            }
            for (CashbackMerchant merchant : merchants.merchants()) {
                if (!merchant.category().isBlank() && folded.contains(fold(merchant.category()))) {
                    return Optional.of(merchant.category());
                }
            }
        }
        Matcher m = SUBJECT.matcher(KoreanAmounts.normalise(text));
        if (m.find()) {
            String word = stripParticle(m.group(1).strip());
            if (word.length() >= 2 && !NOT_MERCHANTS.contains(fold(word))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    public static Result lookup(CashbackMerchants merchants, String query) {
        String wanted = fold(query);
        List<CashbackMerchant> byCategory = merchants.merchants().stream()
                .filter(m -> fold(m.category()).equals(wanted)).toList();
        if (!byCategory.isEmpty()) {
            return new Result(query, true, sortedByRate(byCategory));
        }
        List<CashbackMerchant> byName = merchants.merchants().stream()
                .filter(m -> wanted.length() >= 2 && fold(m.name()).contains(wanted)).toList();
        return new Result(query, false, sortedByRate(byName));
    }

    private static List<CashbackMerchant> sortedByRate(List<CashbackMerchant> merchants) {
        List<CashbackMerchant> sorted = new ArrayList<>(merchants);
        sorted.sort((a, b) -> b.ratePercent().compareTo(a.ratePercent()));
        return sorted;
    }

    static String stripParticle(String word) {
        for (String particle : PARTICLES) {
            if (word.length() > particle.length() + 1 && word.endsWith(particle)) {
                return word.substring(0, word.length() - particle.length());
            }
        }
        return word;
    }

    static String fold(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }
}
