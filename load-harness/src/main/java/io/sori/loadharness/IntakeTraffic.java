package io.sori.loadharness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Questions the chatbot answers from the FAQ when kb-service is there, without asking for a person
     * (with {@code botQuestions}, every other chat and talk message is one of these).
     */
    static final List<String> QUESTIONS = List.of(
            "이체한도 어떻게 올려요?",
            "해외송금 수수료가 얼마인가요",
            "공동인증서 재발급은 어떻게 하나요",
            "체크카드 해외 결제 차단을 풀고 싶어요",
            "모임통장은 어떻게 만드나요",
            "적금 중도해지하면 이자는 어떻게 되나요");

    private final Target target;
    private final Ledger ledger;
    private final String runId;
    private final boolean botQuestions;
    /** Chat and talk messages acknowledged without a reply for the customer: nobody answered them. */
    final AtomicLong answeredWithoutReply = new AtomicLong();

    IntakeTraffic(Target target, Ledger ledger, String runId) {
        this(target, ledger, runId, false);
    }

    IntakeTraffic(Target target, Ledger ledger, String runId, boolean botQuestions) {
        this.target = target;
        this.ledger = ledger;
        this.runId = runId;
        this.botQuestions = botQuestions;
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
                long turn = seq / CHANNELS.size();
                String text = botQuestions && turn % 2 == 1 ? QUESTIONS.get((int) (turn / 2 % QUESTIONS.size()))
                        : matter + " 상담원 연결해 주세요";
                body = Map.of("customerId", customer, "text", text, "identityVerified", true);
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
                        if (isChat(channel) && !hasReply(r.body())) {
                            answeredWithoutReply.incrementAndGet();
                        }
                    } else {
                        ledger.unacknowledged(customer);
                    }
                });
    }

    private static boolean isChat(String channel) {
        return channel.equals("chat") || channel.equals("talk");
    }

    private boolean hasReply(String body) {
        try {
            return !target.json.readTree(body).at("/reply/text").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Chat and talk: a ticket only when the bot handed off; every other channel's contact needs a person. */
    private boolean expectsTicket(String channel, String body) {
        if (!isChat(channel)) {
            return true;
        }
        try {
            return target.json.readTree(body).at("/reply/handoff").asBoolean(false);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
