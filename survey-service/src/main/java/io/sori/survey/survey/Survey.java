package io.sori.survey.survey;

import io.sori.platform.outbox.OutboxMessage;
import io.sori.survey.questions.QuestionSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One survey: issued once (the unique {@code dedupeKey}: {@code ticket:<ticketId>} or
 * {@code campaign:<campaignId>:<customerId>}), answered at most once (a conditional update from
 * ISSUED), with the question set it was issued with kept inside so its answer stays readable when
 * the questions change. Scores are also kept flat ({@code overall}, {@code satisfied}, {@code score100})
 * and the issue and answer periods precomputed, for the roll-ups. The events of each change ride in
 * the same document's outbox.
 *
 * @param team the queue (skill) that worked the ticket
 */
@Document(Survey.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "issued", def = "{'issuedAt': 1}"),
        @CompoundIndex(name = "answered", def = "{'status': 1, 'answeredAt': 1}"),
        @CompoundIndex(name = "agent_answers", def = "{'agent': 1, 'answeredAt': 1}")})
public record Survey(
        @Id String id,
        @Indexed(unique = true) String token,
        @Indexed(unique = true) String dedupeKey,
        Kind kind,
        String ticketId,
        String campaignId,
        String customerId,
        String channel,
        String category,
        String agent,
        String team,
        QuestionSet questionSet,
        Instant issuedAt,
        Instant expiresAt,
        Periods issued,
        Status status,
        Instant answeredAt,
        Periods answered,
        Map<String, Object> answers,
        Integer overall,
        Integer speed,
        Boolean resolved,
        Integer score100,
        int satisfied,
        int answeredCount,
        boolean lowSatisfaction,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "surveys";

    public enum Kind {
        /** after a resolved ticket (CSAT) */
        TICKET,
        /** a relationship survey of a campaign (CSI) */
        CAMPAIGN
    }

    public enum Status {
        ISSUED,
        ANSWERED
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A score of 1–5 on 0–100: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100. */
    public static int score100(int overall) {
        return (overall - 1) * 25;
    }

    /** CSAT counts the satisfied: 4 and 5. */
    public static boolean satisfied(int overall) {
        return overall >= 4;
    }
}
