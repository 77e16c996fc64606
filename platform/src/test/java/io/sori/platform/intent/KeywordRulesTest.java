package io.sori.platform.intent;

import io.sori.events.Category;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.platform.intent.KeywordRules.Anchor;
import io.sori.platform.intent.KeywordRules.CategoryRule;
import io.sori.platform.intent.KeywordRules.Evidence;
import io.sori.platform.intent.KeywordRules.Phrases;
import io.sori.platform.intent.KeywordRules.Qualifier;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeywordRulesTest {

    /** Small rules, so each test shows one mechanism. */
    private static KeywordRules rules(List<CategoryRule> categories, List<Anchor> anchors, Phrases phrases) {
        return new KeywordRules(categories, Map.of(
                UrgencySignal.LOSS, List.of("분실", "잃어"),
                UrgencySignal.FRAUD, List.of("사기")), anchors, phrases);
    }

    private static final List<CategoryRule> CATEGORIES = List.of(
            new CategoryRule(Category.FRAUD, Set.of(UrgencySignal.FRAUD), List.of("지급정지")),
            new CategoryRule(Category.CARD_LOSS, Set.of(), List.of("분실신고")),
            new CategoryRule(Category.TRANSFER_LIMIT, Set.of(), List.of("이체 한도")),
            new CategoryRule(Category.LIMIT_INQUIRY, Set.of(), List.of("한도조회")),
            new CategoryRule(Category.LOAN_JEONSE, Set.of(), List.of("전세")),
            new CategoryRule(Category.CARD, Set.of(), List.of("카드")),
            new CategoryRule(Category.IDENTITY, Set.of(), List.of("로그인")));

    private static final Anchor LOSS_ANCHOR = new Anchor("분실", List.of("분실", "잃어"), List.of(
            new Qualifier(Category.CARD_LOSS, List.of("카드", "지갑")),
            new Qualifier(Category.IDENTITY, List.of("휴대폰", "폰"))), 10);

    private static final Anchor LIMIT_ANCHOR = new Anchor("한도", List.of("한도"), List.of(
            new Qualifier(Category.TRANSFER_LIMIT, List.of("이체")),
            new Qualifier(Category.LIMIT_INQUIRY, List.of("카드", "대출")),
            new Qualifier(Category.LOAN_JEONSE, List.of("전세대출"))), 8);

    private final KeywordRules plain = rules(CATEGORIES, List.of(), Phrases.none());
    private final KeywordRules anchored = rules(CATEGORIES, List.of(LOSS_ANCHOR, LIMIT_ANCHOR), Phrases.none());

    @Nested
    class Normalisation {

        @Test
        void shouldMatchAcrossSpacesAndParticles() {
            assertThat(plain.analyse("이체 한도를 올리고 싶어요").category()).isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(plain.analyse("이체한도가 초과됐어요").category()).isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(plain.analyse("이 체 한 도").category()).isEqualTo(Category.TRANSFER_LIMIT);
        }

        @Test
        void shouldMatchDecomposedHangulAndLatinInAnyCase() {
            KeywordRules latin = new KeywordRules(List.of(new CategoryRule(Category.IDENTITY, Set.of(), List.of("OTP"))),
                    Map.of(), List.of(), Phrases.none());

            assertThat(plain.analyse(Normalizer.normalize("이체한도", Normalizer.Form.NFD)).category())
                    .isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(latin.analyse("otp 번호가 안 맞아요").category()).isEqualTo(Category.IDENTITY);
            assertThat(latin.analyse("Otp 재발급").category()).isEqualTo(Category.IDENTITY);
        }

        @Test
        void shouldFindNothingInEmptyText() {
            Evidence evidence = plain.analyse(null);

            assertThat(evidence.category()).isNull();
            assertThat(evidence.signals()).isEmpty();
            assertThat(evidence.why()).isEmpty();
        }
    }

    @Nested
    class Precedence {

        @Test
        void shouldPreferTheEarlierCategoryAmongKeywords() {
            assertThat(plain.analyse("전세 계약 때문에 카드 결제가").category()).isEqualTo(Category.LOAN_JEONSE);
            assertThat(plain.analyse("카드 앱 로그인이 안 돼요").category()).isEqualTo(Category.CARD);
        }

        @Test
        void shouldLetASignalImplyItsCategoryOverAnyKeyword() {
            Evidence evidence = plain.analyse("이체 한도 올려준다고 해서 돈을 보냈는데 사기였어요");

            assertThat(evidence.category()).isEqualTo(Category.FRAUD);
            assertThat(evidence.why()).containsExactly("사기");
        }

        @Test
        void shouldLetAnAnchorBeatPlainKeywords() {
            assertThat(anchored.analyse("한도조회 말고 이체 한도요").category()).isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(anchored.analyse("카드 한도 조회").category()).isEqualTo(Category.LIMIT_INQUIRY);
        }

        @Test
        void shouldWeighAnchorsInTheirOrder() {
            assertThat(anchored.analyse("폰을 잃어버려서 이체 한도 변경이 안 돼요").category()).isEqualTo(Category.IDENTITY);
        }
    }

    @Nested
    class Anchors {

        @Test
        void shouldGiveALossWordToTheNearestObject() {
            assertThat(anchored.analyse("카드 결제하려다 휴대폰을 분실했어요").category()).isEqualTo(Category.IDENTITY);
            assertThat(anchored.analyse("휴대폰이랑 카드를 다 잃어버렸어요").category()).isEqualTo(Category.CARD_LOSS);
        }

        @Test
        void shouldPreferTheWordBeforeOnATie() {
            // 카드 and 폰 touch the loss word, one on each side
            assertThat(anchored.analyse("카드 분실 폰").category()).isEqualTo(Category.CARD_LOSS);
            assertThat(anchored.analyse("폰 분실 카드").category()).isEqualTo(Category.IDENTITY);
        }

        @Test
        void shouldPreferTheLongerQualifier() {
            assertThat(anchored.analyse("전세대출 한도").category()).isEqualTo(Category.LOAN_JEONSE);
        }

        @Test
        void shouldIgnoreQualifiersBeyondTheWindow() {
            Evidence evidence = anchored.analyse("카드로 결제하던 중에 버스에서 분실했어요");

            assertThat(evidence.category()).isEqualTo(Category.CARD);
            assertThat(evidence.losses()).singleElement().satisfies(loss -> assertThat(loss.about()).isNull());
        }

        @Test
        void shouldNotLookAcrossASentenceEnd() {
            assertThat(anchored.analyse("카드. 분실했어요").losses())
                    .singleElement().satisfies(loss -> assertThat(loss.about()).isNull());
        }

        @Test
        void shouldTellWhatEachLossIsAbout() {
            Evidence evidence = anchored.analyse("지갑을 분실했고 휴대폰도 잃어버렸어요");

            assertThat(evidence.losses()).extracting(KeywordRules.LossMention::about)
                    .containsExactly(Category.CARD_LOSS, Category.IDENTITY);
        }
    }

    @Nested
    class Phrasing {

        private final KeywordRules refined = rules(CATEGORIES, List.of(LOSS_ANCHOR), new Phrases(
                List.of("이사 기", "잃어버린 게 아니"), List.of("분실신고 해제"), List.of("궁금"), List.of("안 돼")));

        @Test
        void shouldHideKeywordsInsideIgnoredPhrases() {
            Evidence evidence = refined.analyse("이사 기간에 전세 잔금을 보내야 해요");

            assertThat(evidence.signals()).isEmpty();
            assertThat(evidence.category()).isEqualTo(Category.LOAN_JEONSE);
        }

        @Test
        void shouldTreatADeniedLossAsNoLoss() {
            Evidence evidence = refined.analyse("카드를 잃어버린 게 아니라 결제가 안 돼요");

            assertThat(evidence.signals()).isEmpty();
            assertThat(evidence.losses()).isEmpty();
            assertThat(evidence.category()).isEqualTo(Category.CARD);
        }

        @Test
        void shouldKeepTheTopicOfASettledPhraseButRaiseNoSignal() {
            Evidence evidence = refined.analyse("카드 분실신고 해제하고 싶어요");

            assertThat(evidence.category()).isEqualTo(Category.CARD_LOSS);
            assertThat(evidence.signals()).isEmpty();
            assertThat(evidence.losses()).singleElement().satisfies(loss -> {
                assertThat(loss.live()).isFalse();
                assertThat(loss.about()).isEqualTo(Category.CARD_LOSS);
            });
        }

        @Test
        void shouldTellAQuestionFromAProblem() {
            assertThat(refined.analyse("이벤트가 궁금해요").informational()).isTrue();
            assertThat(refined.analyse("이벤트가 궁금한데 앱이 안 돼요").informational()).isFalse();
            assertThat(refined.analyse("이벤트 참여").informational()).isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void shouldRejectACategoryListedTwice() {
            List<CategoryRule> twice = List.of(new CategoryRule(Category.CARD, Set.of(), List.of("카드")),
                    new CategoryRule(Category.CARD, Set.of(), List.of("결제")));

            assertThatThrownBy(() -> rules(twice, List.of(), Phrases.none()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CARD");
        }

        @Test
        void shouldRejectDeadlineKeywords() {
            assertThatThrownBy(() -> new KeywordRules(CATEGORIES, Map.of(UrgencySignal.DEADLINE, List.of("까지")),
                    List.of(), Phrases.none()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEADLINE");
        }

        @Test
        void shouldRejectAQualifierForACategoryWithoutPrecedence() {
            Anchor fx = new Anchor("한도", List.of("한도"), List.of(new Qualifier(Category.FX, List.of("환전"))), 8);

            assertThatThrownBy(() -> rules(CATEGORIES, List.of(fx), Phrases.none()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FX");
        }

        @Test
        void shouldRejectBlankKeywords() {
            assertThatThrownBy(() -> new CategoryRule(Category.CARD, Set.of(), List.of(" ")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldStoreKeywordsNormalised() {
            assertThat(new CategoryRule(Category.TRANSFER_LIMIT, Set.of(), List.of("이체 한도", "이체한도")).keywords())
                    .containsExactly("이체한도");
        }
    }

    @Test
    void shouldShipDefaultsCoveringEveryCategory() {
        KeywordRules defaults = KeywordRules.defaults();

        assertThat(defaults.categories()).extracting(CategoryRule::category).containsExactlyInAnyOrder(Category.values());
        assertThat(defaults.signals().keySet()).containsExactlyInAnyOrder(UrgencySignal.LOSS, UrgencySignal.THEFT,
                UrgencySignal.VOICE_PHISHING, UrgencySignal.FRAUD, UrgencySignal.IDENTITY_THEFT, UrgencySignal.HACKING,
                UrgencySignal.UNKNOWN_PAYMENT);
    }
}
