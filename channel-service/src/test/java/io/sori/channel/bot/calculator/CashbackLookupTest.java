package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CashbackLookupTest {

    private final CashbackMerchants merchants = ReferenceFixtures.merchants();

    @Test
    void shouldFindAMerchantByNameWhateverTheSpacing() {
        assertThat(CashbackLookup.subject("스타커피 캐시백 돼?", merchants)).contains("스타 커피");
        CashbackLookup.Result result = CashbackLookup.lookup(merchants, "스타 커피");
        assertThat(result.byCategory()).isFalse();
        assertThat(result.found()).extracting(CashbackMerchant::name).containsExactly("스타 커피");
    }

    @Test
    void shouldListACategoryBestRateFirst() {
        assertThat(CashbackLookup.subject("커피 캐시백 얼마예요?", merchants)).contains("커피");
        CashbackLookup.Result result = CashbackLookup.lookup(merchants, "커피");
        assertThat(result.byCategory()).isTrue();
        assertThat(result.found()).extracting(CashbackMerchant::name).containsExactly("스타 커피", "달빛다방", "커피한잔");
    }

    @Test
    void shouldFindByPartOfAName() {
        assertThat(CashbackLookup.lookup(merchants, "달빛").found()).extracting(CashbackMerchant::name)
                .containsExactly("달빛다방");
    }

    @Test
    void shouldTakeTheWordBeforeCashbackForAnUnknownMerchantAndFindNothing() {
        assertThat(CashbackLookup.subject("스타벅스 캐시백 되나요?", merchants)).contains("스타벅스");
        assertThat(CashbackLookup.subject("스타벅스에서 캐시백 받을 수 있나요", merchants)).contains("스타벅스");
        assertThat(CashbackLookup.lookup(merchants, "스타벅스").found()).isEmpty();
    }

    @Test
    void shouldNotTakeTimeWordsForMerchants() {
        assertThat(CashbackLookup.subject("이번달 캐시백 얼마 받았어요?", merchants)).isEmpty();
        assertThat(CashbackLookup.subject("캐시백 언제 들어와요?", merchants)).isEmpty();
    }
}
