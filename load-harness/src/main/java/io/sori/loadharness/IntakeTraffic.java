package io.sori.loadharness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Customers writing in on every channel at once — chat, talk, 1:1 inquiry, email, phone — each
 * message from a new customer who wants a person, so each accepted message must become exactly one
 * ticket. Chat and talk messages are answered by the bot first; the answer says whether it handed
 * off (only then is a ticket expected).
 */
final class IntakeTraffic implements Traffic {

    static final List<String> CHANNELS = List.of("chat", "talk", "inquiry", "email", "phone");

    /** What customers of a mobile-only bank write about; none of it is abusive. */
    static final List<String> MATTERS = List.of(
            "이체한도가 초과됐다고 나와요. 오늘 안에 등록금을 내야 합니다",
            "해외송금이 사흘째 처리 중으로만 나와요",
            "전세대출 서류를 어디에 제출하는지 모르겠어요",
            "모임통장 회비 자동이체가 두 번 빠져나갔어요",
            "앱에서 공동인증서 로그인이 계속 실패합니다",
            "적금 만기 해지 후 이자가 덜 들어온 것 같아요",
            "체크카드를 잃어버렸어요 정지해 주세요",
            "대출 금리 인하 요구를 신청하고 싶어요");

    private final Target target;
    private final Ledger ledger;
    private final String runId;

    IntakeTraffic(Target target, Ledger ledger, String runId) {
        this.target = target;
        this.ledger = ledger;
        this.runId = runId;
    }

    static String customerOf(String runId, long seq) {
        return "bench-" + runId + "-" + seq;
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        String channel = CHANNELS.get((int) (seq % CHANNELS.size()));
        String customer = customerOf(runId, seq);
        String matter = MATTERS.get((int) ((seq / CHANNELS.size()) % MATTERS.size()));
        String path;
        Map<String, Object> body;
        switch (channel) {
            case "chat", "talk" -> {
                path = "/api/channels/" + channel + "/messages";
                body = Map.of("customerId", customer, "text", matter + " 상담원 연결해 주세요", "identityVerified", true);
            }
            case "inquiry" -> {
                path = "/api/channels/inquiries";
                body = Map.of("customerId", customer, "kind", "INQUIRY", "subject", "문의드립니다", "text", matter);
            }
            case "email" -> {
                path = "/api/channels/email/inbound";
                body = Map.of("from", "c" + seq + "@bench.example", "to", "help@sori-bank.example",
                        "subject", "문의드립니다", "text", matter, "messageId", "<" + customer + "@bench.example>",
                        "customerId", customer);
            }
            default -> {
                path = "/api/channels/phone/calls";
                body = Map.of("customerId", customer, "callId", "call-" + customer, "direction", "INBOUND",
                        "startedAt", Instant.now().toString(), "summary", matter);
            }
        }
        String json = target.json.writeValueAsString(body);
        ledger.sent(customer);
        return target.post("intake." + channel, target.intakeBase() + path, target.channelToken, json, dueAt)
                .doOnNext(r -> {
                    if (r.ok()) {
                        ledger.accepted(customer, channel, System.nanoTime(), expectsTicket(channel, r.body()));
                    } else {
                        ledger.unacknowledged(customer);
                    }
                });
    }

    /** Chat and talk: a ticket only when the bot handed off; every other channel's contact needs a person. */
    private boolean expectsTicket(String channel, String body) {
        if (!channel.equals("chat") && !channel.equals("talk")) {
            return true;
        }
        try {
            return target.json.readTree(body).at("/reply/handoff").asBoolean(false);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
