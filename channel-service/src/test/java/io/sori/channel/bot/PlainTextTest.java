package io.sori.channel.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void shouldTurnAnFaqArticleIntoChatText() {
        String markdown = "카드를 잃어버렸다면 **바로 분실신고**를 해 주세요.\n\n\n## 전화로 분실신고하기\n"
                + "- 카드 분실·도난 신고센터 **1500-7071** (24시간)\n- [앱 안내](https://sori.example/app) 보기\n"
                + "1. 소리은행 앱에 `로그인`해 주세요.";
        assertThat(PlainText.fromMarkdown(markdown)).isEqualTo("카드를 잃어버렸다면 바로 분실신고를 해 주세요.\n\n"
                + "전화로 분실신고하기\n· 카드 분실·도난 신고센터 1500-7071 (24시간)\n"
                + "· 앱 안내 (https://sori.example/app) 보기\n1. 소리은행 앱에 로그인해 주세요.");
    }
}
