package io.sori.blocklist.protection;

import io.sori.events.blocklist.BlockState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything the bank holds about one customer's conduct toward its agents, as one document for
 * legal action (Occupational Safety and Health Act art. 41): reports, detections with the customer's
 * words, blocks and every decision, with timestamps. As JSON, and as Markdown a person can read and
 * print, times in Korean Standard Time.
 */
record EvidencePack(String customerId, Instant generatedAt, String generatedBy, BlockState state, int warnings,
        boolean seniorHandler, List<Report> reports, List<Detection> detections, List<Block> blocks,
        List<AuditEntry> history) {

    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'")
            .withZone(ZoneId.of("Asia/Seoul"));

    static EvidencePack of(CustomerCase c, Instant now, String generatedBy) {
        return new EvidencePack(c.customerId(), now, generatedBy, c.state(now), c.warnings(), c.seniorHandler(),
                c.reports(), c.detections(), c.blocks(), c.history());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# 고객 응대 근로자 보호 증거 자료 — 고객 ").append(customerId).append("\n\n");
        md.append("- 작성: ").append(at(generatedAt)).append(" (").append(generatedBy).append(")\n");
        md.append("- 근거: 「산업안전보건법」 제41조(고객의 폭언등으로 인한 건강장해 예방조치)\n");
        md.append("- 현재 상태: ").append(state.blocked()
                ? "이용 제한 중 (" + state.reason() + ", " + (state.until() == null ? "해제 시까지" : at(state.until()) + "까지")
                        + ", 차단 " + state.blockId() + ")"
                : "제한 없음").append('\n');
        md.append("- 경고 ").append(warnings).append("회 · 신고 ").append(reports.size()).append("건 · 자동 감지 ")
                .append(detections.size()).append("건 · 차단 ").append(blocks.size()).append("건")
                .append(seniorHandler ? " · 전담 직원 지정" : "").append("\n\n");

        md.append("## 신고 (Reports)\n\n");
        md.append("| 일시 | 신고 ID | 신고자 | 사유 | 상담/티켓 | 조치 | 발언 |\n|---|---|---|---|---|---|---|\n");
        reports.forEach(r -> md.append("| ").append(at(r.at())).append(" | ").append(r.reportId()).append(" | ")
                .append(r.source() == Report.Source.DETECTION ? "자동 감지" : r.reportedBy()).append(" | ")
                .append(r.reason()).append(" | ").append(where(r.conversationId(), r.ticketId())).append(" | ")
                .append(r.action()).append(r.blockId() == null ? "" : " " + r.blockId()).append(" | ")
                .append(cell(r.evidence())).append(" |\n"));

        md.append("\n## 자동 감지 (Detections)\n\n");
        md.append("| 일시 | 상담 | 채널 | 분류 | 감지된 표현 | 고객 발언 |\n|---|---|---|---|---|---|\n");
        detections.forEach(d -> md.append("| ").append(at(d.at())).append(" | ").append(d.conversationId()).append(" | ")
                .append(d.channel()).append(" | ").append(d.category()).append(" | ")
                .append(cell(String.join(", ", d.matched()))).append(" | ").append(cell(d.excerpt())).append(" |\n"));

        md.append("\n## 차단 (Blocks)\n\n");
        md.append("| 차단 ID | 사유 | 단계 | 채널 | 시작 | 종료 | 상태 | 결정 |\n|---|---|---|---|---|---|---|---|\n");
        blocks.forEach(b -> md.append("| ").append(b.blockId()).append(" | ").append(b.reason()).append(" | ")
                .append(b.level()).append(" | ").append(b.channels()).append(" | ").append(at(b.startedAt())).append(" | ")
                .append(b.until() == null ? "해제 시까지" : at(b.until())).append(" | ").append(b.status()).append(" | ")
                .append(b.decidedBy() == null ? "" : b.decidedBy() + " " + at(b.decidedAt()) + " " + cell(b.decision()))
                .append(" |\n"));

        md.append("\n## 처리 이력 (Audit history)\n\n");
        history.forEach(h -> md.append("- ").append(at(h.at())).append(" · ").append(h.actor()).append(" · ")
                .append(h.action()).append(" · ").append(cell(h.detail())).append('\n'));
        return md.toString();
    }

    private static String at(Instant instant) {
        return instant == null ? "" : KST.format(instant);
    }

    private static String where(String conversationId, String ticketId) {
        return conversationId != null ? "상담 " + conversationId : ticketId != null ? "티켓 " + ticketId : "";
    }

    /** A table cell: one line, pipes escaped, so a customer's words cannot break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " / ");
    }
}
