package io.sori.channel.bot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer's message signals beyond its question: an emergency, a request for a
 * person, anger, a greeting, a clear topic. Words are matched after NFKC, lower case and with
 * all spaces removed ("상담원 연결" = "상담원연결"), so particles and spacing need no rules.
 *
 * <p>Emergency words follow ticket-service's classifier (which decides the ticket's emergency
 * actions from the same message), kept narrow on purpose: a prevention question ("보이스피싱
 * 예방 방법"), a lifted or found card ("분실신고 해제", "카드 찾았어요") or a denial
 * ("잃어버린 게 아니라") raises no alarm, and 사기 counts only as a word of its own ("심사 기간",
 * "이사 기간" are not fraud).
 */
public final class CustomerSignals {

    private CustomerSignals() {
    }

    /** The emergency a message reports. */
    enum Emergency {
        /** A lost or stolen card or wallet (or a loss report that names nothing else). */
        CARD_LOSS("CARD_LOSS"),
        /** A lost or stolen phone: the customer may be locked out, and the phone can be misused. */
        PHONE_LOSS("IDENTITY"),
        /** A lost identity card. */
        ID_LOSS("IDENTITY"),
        /** Something lost or stolen, not said what. */
        OTHER_LOSS(null),
        /** Fraud, voice phishing, identity theft or hacking: the account may need freezing. */
        FRAUD("FRAUD"),
        /** Fraud together with a lost or stolen card. */
        FRAUD_AND_CARD_LOSS("FRAUD"),
        /** Signs of fraud that do not by themselves ask for a freeze: a clicked link, an installed app. */
        SUSPECTED_FRAUD("FRAUD");

        private final String category;

        Emergency(String category) {
            this.category = category;
        }

        /** ticket-service's category name, or null. */
        String category() {
            return category;
        }
    }

    private static final List<String> LOSS = List.of("분실", "도난", "잃어버", "잃어벼", "잃었", "잃고", "훔쳐", "훔친", "훔쳤",
            "소매치기", "도둑", "날치기", "뺏겼", "빼앗", "두고내렸", "놓고내렸");
    private static final List<String> THEFT = List.of("도난", "훔쳐", "훔친", "훔쳤", "소매치기", "도둑", "날치기", "뺏겼", "빼앗");
    /** A loss that is over or denied: nothing to stop. */
    private static final List<String> LOSS_SETTLED = List.of("분실신고해제", "분실해제", "분실신고를해제", "분실신고취소",
            "분실신고를취소", "분실신고풀", "분실신고를풀", "도난신고해제", "도난신고를해제", "정지해제", "정지를해제", "찾았", "잃어버린게아니",
            "잃어버린건아니", "잃어버리지않", "분실한게아니", "분실한건아니", "분실된게아니", "분실된건아니", "분실이아니", "분실은아니",
            "분실하지않", "도난이아니", "도난당한게아니", "도난당한건아니", "분실예방", "도난방지", "분실물");
    private static final List<String> CARD_WORDS = List.of("체크카드", "신용카드", "카드", "지갑");
    private static final List<String> PHONE_WORDS = List.of("휴대폰", "핸드폰", "스마트폰", "휴대전화", "아이폰", "갤럭시", "유심",
            "폰");
    private static final List<String> ID_WORDS = List.of("신분증", "주민등록증", "운전면허증", "여권");

    private static final List<String> FRAUD = List.of("보이스피싱", "피싱", "스미싱", "전화금융사기", "전기통신금융사기", "금융사기",
            "명의도용", "명의를도용", "명의가도용", "도용당", "도용됐", "도용된", "해킹", "검찰사칭", "검사사칭", "경찰사칭",
            "금감원사칭", "금융감독원사칭", "안전계좌", "원격제어앱", "원격앱", "모르는결제", "모르는출금", "모르는이체",
            "모르는송금", "무단결제", "무단이체", "무단출금", "무단인출", "부정사용", "돈이사라졌", "잔액이사라", "하지않은이체",
            "안한이체", "하지않은결제", "안한결제", "하지않은출금", "안한출금");
    /**
     * Signs of fraud that ticket-service's classifier does not read as a live fraud signal: the
     * guidance then asks the customer to report it, but does not say a freeze was requested.
     */
    private static final List<String> SUSPICIOUS = List.of("링크를눌렀", "링크눌렀", "링크를클릭", "링크클릭", "url을눌렀",
            "앱을설치했", "앱을깔았", "앱깔았", "원격제어", "털렸", "도용이", "도용된것같");
    /** 사기 as a word of its own, or in a compound that names a fraud. */
    private static final Pattern SAGI = Pattern.compile("(?<![가-힣])사기|(?:금융|거래|투자|전화|문자|택배|중고|보험|대출|로맨스|카톡|메신저)\\s*사기");
    private static final List<String> SAGI_NOT_FRAUD = List.of("사기업", "사기진작", "사기충천", "사기가떨어", "사기를높", "사기가높");
    /** A fraud word in a question about prevention or meaning, not a report. */
    private static final List<String> FRAUD_WORRY = List.of("예방", "방지", "주의", "될까", "당할까", "일까봐", "까봐", "걱정",
            "조심", "구별", "차이", "뜻이", "뜻은", "이뭐", "란뭐", "이란", "교육", "서비스가입", "방지서비스");
    /** Words that make a worry an incident after all. */
    private static final List<String> FRAUD_INCIDENT = List.of("당했", "당한것같", "당한거같", "속았", "보냈", "이체했", "송금했",
            "빠져나", "털렸", "결제됐", "결제되었", "피해", "입금했", "알려줬", "알려주었", "설치했", "눌렀");

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

    /** Words whose category is plain, in ticket-service's names; first match wins. */
    private static final String[][] TOPICS = {
            {"이체한도", "TRANSFER_LIMIT"}, {"송금한도", "TRANSFER_LIMIT"}, {"출금한도", "TRANSFER_LIMIT"},
            {"한도제한계좌", "TRANSFER_LIMIT"}, {"한도조회", "LIMIT_INQUIRY"}, {"카드한도", "LIMIT_INQUIRY"},
            {"대출한도", "LIMIT_INQUIRY"}, {"전세대출", "LOAN_JEONSE"}, {"전세자금", "LOAN_JEONSE"}, {"전월세", "LOAN_JEONSE"},
            {"월세대출", "LOAN_JEONSE"}, {"보증금대출", "LOAN_JEONSE"}, {"모임통장", "GROUP_ACCOUNT"}, {"해외송금", "FX"},
            {"외화송금", "FX"}, {"환전", "FX"}, {"주식계좌", "INVESTMENT"}, {"증권계좌", "INVESTMENT"},
            {"본인인증", "IDENTITY"}, {"로그인", "IDENTITY"}, {"인증서", "IDENTITY"}};

    /** NFKC, lower case, no whitespace. */
    static String compact(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }

    static String spaced(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }

    // ------------------------------------------------------------------------------- emergency

    static Optional<Emergency> emergency(String text) {
        String c = compact(text);
        boolean fraud = fraud(text, c);
        Optional<Emergency> loss = loss(c);
        if (fraud) {
            return Optional.of(loss.filter(l -> l == Emergency.CARD_LOSS).isPresent()
                    ? Emergency.FRAUD_AND_CARD_LOSS : Emergency.FRAUD);
        }
        if (loss.isEmpty() && SUSPICIOUS.stream().anyMatch(c::contains)
                && !(FRAUD_WORRY.stream().anyMatch(c::contains) && FRAUD_INCIDENT.stream().noneMatch(c::contains))) {
            return Optional.of(Emergency.SUSPECTED_FRAUD);
        }
        return loss;
    }

    private static boolean fraud(String text, String c) {
        String scrubbed = c;
        for (String phrase : SAGI_NOT_FRAUD) {
            scrubbed = scrubbed.replace(phrase, "|");
        }
        boolean word = FRAUD.stream().anyMatch(scrubbed::contains);
        if (!word) {
            Matcher sagi = SAGI.matcher(spaced(text));
            while (sagi.find()) {
                String from = compact(spaced(text).substring(sagi.start()));
                if (SAGI_NOT_FRAUD.stream().noneMatch(from::startsWith)) {
                    word = true;
                    break;
                }
            }
        }
        if (!word) {
            return false;
        }
        boolean worry = FRAUD_WORRY.stream().anyMatch(c::contains);
        return !worry || FRAUD_INCIDENT.stream().anyMatch(c::contains);
    }

    private static Optional<Emergency> loss(String c) {
        int at = firstIndex(c, LOSS);
        if (at < 0 || LOSS_SETTLED.stream().anyMatch(c::contains) && THEFT.stream().noneMatch(c::contains)) {
            return Optional.empty();
        }
        int card = nearest(c, CARD_WORDS, at);
        int phone = nearest(c, PHONE_WORDS, at);
        int id = nearest(c, ID_WORDS, at);
        int cardBefore = lastIndexBefore(c, CARD_WORDS, at);
        int phoneBefore = lastIndexBefore(c, PHONE_WORDS, at);
        if (cardBefore >= 0 && phoneBefore >= 0) {
            return Optional.of(Emergency.CARD_LOSS); // "카드랑 폰을 다 잃어버렸어요": the card stop comes first
        }
        int best = Math.min(card, Math.min(phone, id));
        if (best == Integer.MAX_VALUE) {
            // "분실신고 하려고요": a loss report that names nothing else is a card's (as ticket-service reads it)
            return Optional.of(c.contains("분실신고") || c.contains("도난신고") ? Emergency.CARD_LOSS : Emergency.OTHER_LOSS);
        }
        if (best == card) {
            return Optional.of(Emergency.CARD_LOSS);
        }
        return Optional.of(best == phone ? Emergency.PHONE_LOSS : Emergency.ID_LOSS);
    }

    /** Distance from {@code at} to the nearest of the words (a word before counts one less: Korean names the thing first). */
    private static int nearest(String c, List<String> words, int at) {
        int best = Integer.MAX_VALUE;
        for (String word : words) {
            for (int i = c.indexOf(word); i >= 0; i = c.indexOf(word, i + 1)) {
                int distance = i < at ? at - (i + word.length()) : i - at + 1;
                best = Math.min(best, Math.max(0, distance));
            }
        }
        return best;
    }

    private static int lastIndexBefore(String c, List<String> words, int at) {
        int found = -1;
        for (String word : words) {
            int i = c.lastIndexOf(word, at - 1);
            if (i >= 0 && i + word.length() <= at) {
                found = Math.max(found, i);
            }
        }
        return found;
    }

    private static int firstIndex(String c, List<String> words) {
        int first = -1;
        for (String word : words) {
            int i = c.indexOf(word);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
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

    /** The category the text plainly names (emergencies first), in ticket-service's names; null when not plain. */
    static String categoryHint(String text, Optional<Emergency> emergency) {
        if (emergency.isPresent() && emergency.get().category() != null) {
            return emergency.get().category();
        }
        String c = compact(text);
        List<String> found = new ArrayList<>();
        for (String[] topic : TOPICS) {
            if (c.contains(topic[0]) && !found.contains(topic[1])) {
                found.add(topic[1]);
            }
        }
        // two different topics in one message are not plain: ticket-service reads the text itself
        return found.size() == 1 ? found.get(0) : null;
    }
}
