package io.sori.channel.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ChatTextTest {

    /** kb-service's starter articles, as the chatbot receives them from kb-service. */
    private static String seedArticle(String id) {
        Path seeds = Path.of("..", "kb-service", "src", "main", "resources", "kb", "seed", "articles.yml");
        try (Reader reader = Files.newBufferedReader(seeds)) {
            List<?> articles = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return articles.stream().map(a -> (Map<?, ?>) a).filter(a -> id.equals(a.get("id")))
                    .map(a -> (String) a.get("body")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + seeds.toAbsolutePath(), e);
        }
    }

    @Test
    void shouldTurnAnFaqArticleWithATableIntoChatLines() {
        String markdown = seedArticle("faq-transfer-limit-raise");
        assertThat(markdown).contains("| 구분 | 1회 | 1일 |", "**");

        String text = ChatText.fromMarkdown(markdown);

        assertThat(text).doesNotContain("|", "**", "##", "---");
        assertThat(text).contains("• 기본(가입 시): 1회 500만원, 1일 1,000만원\n• 추가 인증 후 최대: 1회 1억원, 1일 5억원");
        assertThat(text).contains("\n앱에서 이체한도 올리기\n1. 소리은행 앱 전체 → 설정 → 이체한도 변경을 눌러 주세요.");
        assertThat(text).contains("\n• 계좌를 만든 지 얼마 안 되었거나 한도제한계좌라면 먼저 한도제한을 해제해야 해요.");
    }

    @Test
    void shouldReadATableOfContactsAsNamedValues() {
        String text = ChatText.fromMarkdown(seedArticle("faq-customer-center-hours"));

        assertThat(text).doesNotContain("|", "**");
        assertThat(text).contains("• 전화 상담: 운영시간 평일 09:00~18:00, 연락처 1500-7070");
    }

    @Test
    void shouldKeepLinkTextAndAddressAndDropEveryOtherMark() {
        String markdown = """
                ## 전화로 분실신고하기
                > 카드를 잃어버렸다면 **바로** *분실신고*를 해 주세요. ~~지점 방문~~ 필요 없어요.
                - 분실·사고 신고센터 **1500-7071** (24시간)
                * [앱 안내](https://sori.example/app) 보기, <https://sori.example/help>
                1. 앱에 `로그인`해 주세요.

                ---
                | 구분 | 방법 |
                |:---|---:|
                | 전화 | 성명 + 생년월일 |
                ![분실신고 화면](https://sori.example/lost.png)
                """;

        assertThat(ChatText.fromMarkdown(markdown)).isEqualTo("""
                전화로 분실신고하기
                카드를 잃어버렸다면 바로 분실신고를 해 주세요. 지점 방문 필요 없어요.
                • 분실·사고 신고센터 1500-7071 (24시간)
                • 앱 안내 (https://sori.example/app) 보기, https://sori.example/help
                1. 앱에 로그인해 주세요.

                • 전화: 성명 + 생년월일
                분실신고 화면""");
    }

    @Test
    void shouldLeavePlainTextAsItIs() {
        assertThat(ChatText.fromMarkdown("카드 분실은 1500-7071 (24시간)로 신고해 주세요. 3 * 4 = 12")).isEqualTo(
                "카드 분실은 1500-7071 (24시간)로 신고해 주세요. 3 * 4 = 12");
        assertThat(ChatText.fromMarkdown(null)).isEmpty();
    }
}
