package io.sori.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void shouldKeepTheWordsAndDropTheSyntax() {
        String markdown = """
                ## 앱에서 분실신고하기
                1. **카드** 탭을 눌러 주세요.
                - [고객센터](https://sori.example/help) 1500-7071
                > 24시간 접수

                | 구분 | 1회 |
                |---|---|
                | 기본 | 500만원 |
                ---
                `코드`와 ~~취소선~~
                """;

        assertThat(Markdown.toPlainText(markdown)).isEqualTo("""
                앱에서 분실신고하기
                1. 카드 탭을 눌러 주세요.
                고객센터 1500-7071
                24시간 접수
                 구분 1회\s
                 기본 500만원\s
                코드와 취소선""");
    }
}
