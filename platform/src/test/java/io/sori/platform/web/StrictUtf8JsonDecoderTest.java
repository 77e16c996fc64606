package io.sori.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class StrictUtf8JsonDecoderTest {

    private static boolean wellFormed(byte[] bytes) {
        return StrictUtf8JsonDecoder.wellFormed(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
    }

    private static boolean wellFormedHex(String hex) {
        return wellFormed(HexFormat.of().parseHex(hex));
    }

    @Test
    void shouldAcceptKoreanTextEmojiAndAscii() {
        assertThat(wellFormed("{\"text\":\"이체한도를 올리고 싶어요 🙏 ok\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(wellFormedHex("f48fbfbf")).as("U+10FFFF").isTrue();
    }

    @Test
    void shouldRefuseOverlongFormsSurrogatesAndBrokenSequences() {
        assertThat(wellFormedHex("c0af")).as("overlong '/'").isFalse();
        assertThat(wellFormedHex("e080af")).as("overlong '/' in three bytes").isFalse();
        assertThat(wellFormedHex("eda080")).as("a lone surrogate").isFalse();
        assertThat(wellFormedHex("f4908080")).as("past U+10FFFF").isFalse();
        assertThat(wellFormedHex("ff")).isFalse();
        assertThat(wellFormedHex("c328")).as("a broken continuation").isFalse();
        assertThat(wellFormedHex("eab0")).as("cut short").isFalse();
    }
}
