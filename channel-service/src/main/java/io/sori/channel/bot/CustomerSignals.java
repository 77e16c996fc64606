package io.sori.channel.bot;

import io.sori.events.Category;
import io.sori.platform.intent.Intent;
import io.sori.platform.intent.IntentModel;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a customer's message signals beyond its question: an emergency, a formal complaint, a
 * request for a person, anger, a greeting, a clear topic. Emergencies, complaints and topics are
 * Sori's one {@link IntentModel} reading, the same that decides a ticket's emergency actions and
 * lets a blocked customer's emergency through, so the chatbot's guidance cannot disagree with
 * them. Other words are matched after NFKC, lower case and with all spaces removed ("상담원 연결"
 * = "상담원연결"), so particles and spacing need no rules.
 */
public final class CustomerSignals {

    private CustomerSignals() {
    }

    private static final IntentModel MODEL = IntentModel.withDefaults();

    private static final List<String> ASKED = List.of("상담원", "상담사", "상담직원", "상담선생님", "사람이랑", "사람과", "사람하고",
            "사람한테", "사람연결", "사람바꿔", "사람좀", "사람이필요", "실제사람", "진짜사람", "직원연결", "직원이랑", "직원과",
            "직원하고", "직원분", "직원바꿔", "직원좀", "직원한테", "챗봇말고", "봇말고", "기계말고", "로봇말고", "자동응답말고",
            "상담신청", "상담요청", "상담받고", "상담하고싶", "상담할래", "상담원연결", "콜센터연결", "매니저연결",
            "담당자연결", "담당자랑", "담당자와", "담당자분");

    private static final List<String> PROFANITY = List.of("씨발", "씨바", "씨빨", "씨팔", "ㅅㅂ", "ㅆㅂ", "ㅆㅃ", "병신", "븅신",
            "ㅂㅅ", "개새끼", "개새", "새끼", "좆", "존나", "졸라", "ㅈㄴ", "지랄", "ㅈㄹ", "염병", "미친놈", "미친년", "미친거",
            "미쳤냐", "미쳤어요", "미쳤나", "꺼져", "닥쳐", "엿먹", "개같", "개빡", "빡치", "빡쳐", "열받", "짜증", "장난해",
            "장난하냐", "장난치냐", "장난하나", "장난합니까", "장난하세요", "쓰레기", "뭐하자는", "어이없", "어이가없", "웃기고있",
            "한심", "최악", "고소할", "고소하겠", "가만안둬", "가만두지");
    /** 화나 as a word of its own: "화나요", "화가 나네요" — not "전화나 문자". */
    private static final Pattern ANGRY = Pattern.compile("(?<![가-힣])화\\s*(?:가\\s*)?(?:나|납|났)");
    private static final List<String> PROFANITY_NOT = List.of("시발점", "시발역");
    private static final Pattern SHOUT = Pattern.compile("[!！]{3,}|[?？]{3,}");
    private static final Pattern RAISED = Pattern.compile("[!！]{2}|[?？]{2}|[?？][!！]|[!！][?？]");
    private static final List<String> FRUSTRATION = List.of("왜이렇게", "왜이래", "왜안돼", "왜안되", "도대체", "대체왜", "몇번을",
            "몇번째", "몇번이나", "답답", "너무하", "말이돼", "말이되", "이게뭐", "뭐야이게");

    private static final List<String> GREETINGS = List.of("안녕하세요", "안녕하십니까", "안녕", "하이", "hi", "hello", "헬로",
            "반가워요", "반갑습니다", "저기요", "여보세요", "챗봇", "소리은행");
    private static final List<String> THANKS = List.of("감사합니다", "감사해요", "감사드려요", "고마워요", "고맙습니다", "고마워",
            "감사", "땡큐", "thanks", "thankyou", "네", "넵", "예", "알겠습니다", "알겠어요", "알겠어", "확인했어요", "확인했습니다",
            "좋아요", "해결됐어요", "해결됐습니다", "됐어요", "잘알겠습니다", "수고하세요", "수고하셨습니다", "ok", "오케이");

    /** NFKC, lower case, no whitespace. */
    static String compact(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }

    static String spaced(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }

    /** The model's reading of one message: emergencies, complaint, topic. */
    static Intent read(String text) {
        return MODEL.read(text);
    }

    // ---------------------------------------------------------------------- person, anger, chat

    static boolean asksForPerson(String text) {
        String c = compact(text);
        return ASKED.stream().anyMatch(c::contains);
    }

    /**
     * Clearly upset: a swear word, an insult or an angry word; shouting ("!!!", "???"); or two
     * milder signs together ("왜 이렇게", "도대체", "답답" and "??" or "!!").
     */
    public static boolean upset(String text) {
        String c = compact(text);
        String scrubbed = c;
        for (String phrase : PROFANITY_NOT) {
            scrubbed = scrubbed.replace(phrase, "|");
        }
        if (PROFANITY.stream().anyMatch(scrubbed::contains) || SHOUT.matcher(c).find()
                || ANGRY.matcher(spaced(text)).find()) {
            return true;
        }
        int mild = 0;
        for (String word : FRUSTRATION) {
            if (c.contains(word)) {
                mild++;
            }
        }
        if (RAISED.matcher(c).find()) {
            mild++;
        }
        return mild >= 2;
    }

    /** Only a greeting ("안녕하세요!"), nothing asked. */
    static boolean onlyGreeting(String text) {
        return onlyWords(text, GREETINGS);
    }

    /** Only thanks or an acknowledgement ("감사합니다", "네 알겠어요"). */
    static boolean onlyThanks(String text) {
        return onlyWords(text, THANKS);
    }

    private static boolean onlyWords(String text, List<String> words) {
        String rest = compact(text).replaceAll("[\\p{Punct}~ㅎㅋㅠㅜ^]+", "");
        if (rest.isEmpty()) {
            return false;
        }
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (String word : words) {
                if (rest.startsWith(word)) {
                    rest = rest.substring(word.length());
                    changed = true;
                    break;
                }
            }
        }
        return rest.isEmpty();
    }

    /** The category the message is about, as the ticket would read it; null when it names none. */
    static String categoryHint(Intent intent) {
        return intent.category() == Category.GENERAL ? null : intent.category().name();
    }
}
