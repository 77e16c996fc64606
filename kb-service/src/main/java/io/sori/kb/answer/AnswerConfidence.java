package io.sori.kb.answer;

import io.sori.kb.search.SearchResult;

/**
 * How sure the chatbot may be that the best public article answers a question, 0–1:
 * <pre>confidence = coverage × score / (score + {@value #SCORE_HALF_POINT})</pre>
 * <ul>
 * <li><b>coverage</b> — the share of the question the best article matches, each word weighted by
 * how rare it is in the knowledge base (nouns fully, verbs and adjectives at a third: they say
 * what to do, not what about). An unknown word ("비트코인", "양도소득세") weighs the most and
 * matches nothing, so a question about something the FAQ does not cover scores low even when
 * one of its words ("주식") is common in it.</li>
 * <li><b>score</b> — the best article's BM25 score, turned into 0–1 by a saturating curve that is
 * at ½ for a score of {@value #SCORE_HALF_POINT}: a weak match (only a word in the body) is not an
 * answer even if it covers a one-word question.</li>
 * </ul>
 * The gap to the second hit is deliberately not used: FAQ articles overlap ("카드 분실" and
 * "해외에서 카드 분실"), so good answers often have a close second (measured gap 0.02–1.0 for
 * answerable questions, 0.03–0.82 for unanswerable ones: no separation).
 *
 * <p><b>Calibration</b> (the answerable and unanswerable questions of {@code AnswerConfidenceTest},
 * on the starter knowledge base): the 30 answerable questions scored 0.52–0.91, the 20 unanswerable
 * ones at most 0.23. The threshold {@value #ANSWER_THRESHOLD} sits in that gap with room on both
 * sides; below it the chatbot says it does not know and hands off. Between it and
 * {@value #LOW_CONFIDENCE} the answer is given but the question is recorded as a gap too: such
 * questions are worded in ways the article does not cover yet ("민원 넣고 싶어요": 넣다 is nowhere in
 * the complaint article). Adding the wording to the article's synonyms closes the gap (that is how
 * "잔액증명서 어디서 떼요" went from 0.48 to 0.84).
 */
public final class AnswerConfidence {

    public static final double ANSWER_THRESHOLD = 0.35;
    public static final double LOW_CONFIDENCE = 0.60;
    static final double SCORE_HALF_POINT = 8.0;

    private AnswerConfidence() {
    }

    public static double of(SearchResult result) {
        if (result.hits().isEmpty()) {
            return 0;
        }
        double score = result.topScore();
        double strength = score / (score + SCORE_HALF_POINT);
        double confidence = result.topCoverage() * strength;
        return Math.max(0, Math.min(1, confidence));
    }
}
