package io.sori.channel.delivery;

import io.sori.channel.KoreanTime;
import io.sori.channel.journey.PublishedStages;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.events.survey.SurveyIssued;
import java.util.Optional;

/**
 * What the customer is told, in Korean, for each thing that happens to their ticket. Times are
 * shown in Asia/Seoul ("2026년 11월 24일 15:30"). Framework-free.
 *
 * @see KoreanTime
 */
public final class CustomerTexts {

    /** A title (push heading, email subject) and the text. */
    public record Text(String kind, String title, String body) {
    }

    private CustomerTexts() {
    }

    static String ref(String number) {
        return number == null || number.isBlank() ? "" : "[" + number + "] ";
    }

    public static Text reply(String number, String text) {
        return new Text("REPLY", ref(number) + "상담사 답변", text);
    }

    /** Empty for a stage the customer is not told about (closing after resolution). */
    public static Optional<Text> stageChanged(TicketStageChanged e, String number) {
        if (e.to() == TicketStage.CLOSED) {
            return Optional.empty();
        }
        String ref = ref(number != null ? number : e.number());
        PublishedStages.Published stage = PublishedStages.of(e.to());
        StringBuilder body = new StringBuilder();
        if (e.to() == TicketStage.WAITING_ON_CUSTOMER) {
            body.append("접수하신 문의를 처리하려면 고객님의 답변이 필요해요. 상담 내용을 확인하고 답변해 주세요.");
        } else if (e.to() == TicketStage.RESOLVED) {
            body.append("접수하신 문의가 해결되었어요 (").append(stage.index()).append("/4 ").append(stage.label())
                    .append("). 이용해 주셔서 감사합니다.");
        } else {
            body.append("접수하신 문의가 ").append(stage.index()).append("/4 '").append(stage.label())
                    .append("' 단계로 진행되었어요.");
            if (e.expectedResolutionAt() != null) {
                body.append(" 해결 예정 시각: ").append(KoreanTime.format(e.expectedResolutionAt())).append('.');
            }
        }
        return Optional.of(new Text("NOTICE", ref + "처리 단계 안내: " + stage.label(), body.toString()));
    }

    public static Text expectedResolutionChanged(ExpectedResolutionChanged e, String number) {
        StringBuilder body = new StringBuilder("해결 예정 시각이 ")
                .append(KoreanTime.format(e.expectedResolutionAt())).append("(으)로 변경되었어요.");
        if (e.previous() != null) {
            body.append(" (이전 안내: ").append(KoreanTime.format(e.previous())).append(')');
        }
        reason(e.reason()).ifPresent(r -> body.append(' ').append(r));
        return new Text("NOTICE", ref(number != null ? number : e.number()) + "해결 예정 시각 변경 안내", body.toString());
    }

    static Optional<String> reason(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(switch (code) {
            case "QUEUE_LONGER_THAN_USUAL" -> "문의가 평소보다 많아 처리가 늦어지고 있어요. 양해 부탁드립니다.";
            case "NO_AGENT_ON_SHIFT" -> "지금은 담당 상담사의 근무 시간이 아니어서 다음 근무 시간에 처리돼요.";
            case "ASSIGNED" -> "담당 상담사가 배정되었어요.";
            case "REGULATORY_EXTENSION" -> "처리 기한이 연장되었어요.";
            default -> code.matches("[A-Z_]+") ? "" : code;
        }).filter(s -> !s.isBlank());
    }

    public static Text complaintReceived(ComplaintReceiptConfirmed e) {
        StringBuilder body = new StringBuilder("민원이 접수되었습니다");
        if (e.number() != null) {
            body.append(" (접수번호 ").append(e.number()).append(')');
        }
        body.append(". 담당: ").append(e.handlerName());
        if (e.handlerContact() != null) {
            body.append(" (").append(e.handlerContact()).append(')');
        }
        body.append('.');
        if (e.expectedResolutionAt() != null) {
            body.append(" 해결 예정 시각: ").append(KoreanTime.format(e.expectedResolutionAt())).append('.');
        }
        if (e.regulatoryDueAt() != null) {
            body.append(" 처리 기한: ").append(KoreanTime.format(e.regulatoryDueAt())).append('.');
        }
        return new Text("NOTICE", ref(e.number()) + "민원 접수 확인", body.toString());
    }

    public static Optional<Text> emergencyAction(TicketEmergencyActionUpdated e) {
        if (e.customerNotice() == null || e.customerNotice().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Text("NOTICE", ref(e.number()) + "긴급 조치 안내", e.customerNotice()));
    }

    public static Text deadlineExtended(RegulatoryDeadlineExtended e) {
        String body = (e.customerNotice() == null ? "" : e.customerNotice().strip() + " ")
                + "변경된 처리 기한: " + KoreanTime.format(e.regulatoryDueAt()) + ".";
        return new Text("NOTICE", ref(e.number()) + "민원 처리 기한 연장 안내", body);
    }

    public static Text survey(SurveyIssued e, String number, String linkBase) {
        String body = "상담은 만족스러우셨나요? 더 나은 서비스를 위해 설문에 참여해 주세요: " + linkBase + e.token();
        if (e.expiresAt() != null) {
            body += " (" + KoreanTime.format(e.expiresAt()) + "까지)";
        }
        return new Text("SURVEY", ref(number) + "상담 만족도 설문", body);
    }
}
