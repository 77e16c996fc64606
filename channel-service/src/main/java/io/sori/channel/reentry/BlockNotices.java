package io.sori.channel.reentry;

import java.time.Instant;

/** The Korean texts a blocked customer is shown. Framework-free. */
public final class BlockNotices {

    private BlockNotices() {
    }

    public static String at(Instant instant) {
        return io.sori.channel.KoreanTime.format(instant);
    }

    /** What the customer did, in the words the notice uses; abusive language when the reason is unknown. */
    static String conduct(String reason) {
        if (reason == null) {
            return "반복된 욕설·폭언";
        }
        return switch (reason) {
            case "THREAT" -> "위협적인 언행";
            case "SEXUAL_HARASSMENT" -> "성희롱성 발언";
            case "OBSTRUCTION" -> "반복된 업무 방해";
            case "SPAM" -> "반복된 스팸성 문의";
            default -> "반복된 욕설·폭언";
        };
    }

    /**
     * The notice that ends a live consultation when a block arrives: why (the conduct, the Occupational
     * Safety and Health Act art. 41 and the bank's policy), until when, and the emergency path.
     */
    public static String consultationEnded(String reason, Instant until, String emergencyPath) {
        String period = until == null ? "별도 안내가 있을 때까지" : at(until) + "까지";
        return "고객님의 " + conduct(reason) + "으로 인해 「산업안전보건법」 제41조(고객의 폭언등으로 인한 건강장해 예방조치) 및 "
                + "당행 고객응대 근로자 보호 정책에 따라 이번 상담을 종료합니다. " + period
                + " 채팅·톡 상담과 1:1 문의 이용이 제한됩니다. " + emergencyPath;
    }

    /** What a blocked customer is told when they try to start a new consultation. */
    public static String refused(Instant until) {
        String period = until == null ? "별도 안내가 있을 때까지" : at(until) + "까지";
        return "상담 이용이 " + period + " 제한되어 있습니다.";
    }

    /**
     * The warning a customer reads in the live conversation after abusive language (detected, or reported
     * by the agent): what, the law, and what happens if it goes on.
     */
    public static String warning(String reason) {
        return "고객님, " + conduct(reason).replace("반복된 ", "") + "은(는) 상담원에게 심각한 고통을 줍니다. "
                + "「산업안전보건법」 제41조 및 당행 고객응대 근로자 보호 정책에 따라, 같은 언행이 계속되면 상담이 종료되고 "
                + "상담 이용이 일정 기간 제한될 수 있습니다.";
    }
}
