package io.sori.platform.intent;

import io.sori.events.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link Category} from what people type for one: a form field, a phone line, an agent's
 * pick, a channel's hint.
 */
public final class CategoryNames {

    /** Common Korean and English names beside the enum name and the Korean label. */
    private static final Map<Category, List<String>> ALIASES = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.CARD_LOSS, List.of("카드분실", "카드도난", "분실신고", "도난신고", "lost card")),
            Map.entry(Category.TRANSFER_LIMIT, List.of("송금한도", "한도제한계좌")),
            Map.entry(Category.LIMIT_INQUIRY, List.of("카드한도", "대출한도")),
            Map.entry(Category.LOAN_JEONSE, List.of("전세대출", "월세대출", "전월세대출", "jeonse")),
            Map.entry(Category.FX, List.of("해외송금", "환전", "외화")),
            Map.entry(Category.ACCOUNT, List.of("입출금", "예적금")),
            Map.entry(Category.IDENTITY, List.of("본인인증", "로그인", "명의 휴대폰 분실", "휴대폰 분실")),
            Map.entry(Category.INVESTMENT, List.of("주식계좌", "증권계좌", "투자")),
            Map.entry(Category.FRAUD, List.of("사기", "보이스피싱", "명의도용", "해킹")),
            Map.entry(Category.GENERAL, List.of("일반", "기타"))));

    private CategoryNames() {
    }

    /**
     * The enum name in any case ("card_loss", "Loan-Jeonse"), the Korean label or a common alias
     * ("전세대출", "해외송금"); spacing and separators do not matter. Empty when nothing matches.
     */
    public static Optional<Category> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = TextNormalizer.key(text);
        for (Category category : Category.values()) {
            if (TextNormalizer.key(category.name()).equals(key) || TextNormalizer.key(category.label()).equals(key)) {
                return Optional.of(category);
            }
        }
        for (Map.Entry<Category, List<String>> entry : ALIASES.entrySet()) {
            if (entry.getValue().stream().anyMatch(alias -> TextNormalizer.key(alias).equals(key))) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}
