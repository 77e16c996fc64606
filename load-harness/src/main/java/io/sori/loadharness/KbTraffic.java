package io.sori.loadharness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Mono;

/** Agents searching the Korean knowledge base the way they type: short, colloquial, sometimes long. */
final class KbTraffic implements Traffic {

    static final List<String> QUERIES = List.of(
            "이체 한도를 올리려면", "카드 잃어버렸어요", "해외송금 수수료", "전세대출 필요 서류",
            "모임통장 만드는 법", "공동인증서 재발급", "적금 중도해지 이자", "금리인하요구권",
            "비밀번호 5회 오류 잠금 해제", "보이스피싱 의심 계좌 지급정지", "외화 환전 우대", "자동이체 해지",
            "등록금 납부 이체한도 초과 오늘 오후까지 내야 하는데 어떻게 하나요",
            "체크카드 해외 결제 차단 해제");

    private final Target target;
    private final String base;
    private final String label;

    KbTraffic(Target target) {
        this(target, target.gateway, "kb.search");
    }

    KbTraffic(Target target, String base, String label) {
        this.target = target;
        this.base = base;
        this.label = label;
    }

    static String searchPath(long seq) {
        return "/api/kb/search?size=10&q=" + URLEncoder.encode(QUERIES.get((int) (seq % QUERIES.size())),
                StandardCharsets.UTF_8);
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        return target.get(label, base + searchPath(seq), target.agentToken, dueAt);
    }
}
