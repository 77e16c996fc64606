package io.sori.channel.bot;

import java.util.List;

/**
 * What the chatbot says, written for customers: polite 해요체, short, plain words.
 */
final class Replies {

    private Replies() {
    }

    static final String ASKED = "상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.";
    static final String UPSET = "불편을 드려 정말 죄송해요. 상담사에게 바로 연결해 드릴게요. 잠시만 기다려 주세요.";
    static final String UNANSWERED = "제가 답을 찾지 못해 죄송해요. 상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.";
    static final String BOT_UNAVAILABLE = "지금은 자동 답변을 드리기 어려워요. 상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.";
    static final String REFERENCE_UNAVAILABLE = "지금은 계산에 필요한 정보를 불러올 수 없어요. 상담사에게 연결해 드릴게요. "
            + "잠시만 기다려 주세요.";
    static final String WITH_AGENT = "상담사에게 전달했어요. 상담사가 곧 답변드릴게요.";
    static final String EMPTY = "무엇을 도와드릴까요? 궁금한 점을 편하게 적어 주세요.";
    static final String GREETING = "안녕하세요, 소리은행 챗봇이에요. 무엇을 도와드릴까요? "
            + "자주 묻는 질문, 적금·대출·환율·만 나이 계산, 캐시백 가맹점 조회를 도와드려요.";
    static final String THANKS = "도움이 되었다니 다행이에요. 더 궁금한 점이 있으면 언제든 말씀해 주세요.";

    // emergencies: the first guidance, before the person takes over
    static final String CARD_LOSS = "카드 사용 정지를 요청했어요. 상담사가 곧 이어서 도와드릴게요.";
    static final String FRAUD = "피해를 막기 위해 계좌 지급정지를 요청했어요. 경찰청 112나 금융감독원 1332에도 바로 신고해 주세요. "
            + "상담사가 곧 이어서 도와드릴게요.";
    static final String FRAUD_AND_CARD_LOSS = "피해를 막기 위해 계좌 지급정지와 카드 사용 정지를 요청했어요. "
            + "경찰청 112나 금융감독원 1332에도 바로 신고해 주세요. 상담사가 곧 이어서 도와드릴게요.";
    static final String SUSPECTED_FRAUD = "금융사기가 의심되면 더 이상 링크를 누르거나 앱을 설치하지 마시고, 경찰청 112나 "
            + "금융감독원 1332에 바로 신고해 주세요. 상담사가 곧 이어서 피해 예방을 도와드릴게요.";
    static final String PHONE_LOSS = "휴대폰을 잃어버리셨군요. 통신사에 분실 신고를 먼저 해 주세요. "
            + "상담사가 곧 이어서 본인 확인과 앱 이용을 도와드릴게요.";
    static final String ID_LOSS = "신분증을 잃어버리셨다면 명의도용 피해가 생기지 않도록 바로 도와드릴게요. "
            + "상담사가 곧 이어서 안내해 드릴게요.";
    static final String OTHER_LOSS = "분실 신고를 도와드릴게요. 카드를 잃어버리셨다면 앱의 카드 탭에서 바로 분실신고를 할 수 있어요. "
            + "상담사가 곧 이어서 도와드릴게요.";

    static String emergency(CustomerSignals.Emergency emergency) {
        return switch (emergency) {
            case CARD_LOSS -> CARD_LOSS;
            case PHONE_LOSS -> PHONE_LOSS;
            case ID_LOSS -> ID_LOSS;
            case OTHER_LOSS -> OTHER_LOSS;
            case FRAUD -> FRAUD;
            case FRAUD_AND_CARD_LOSS -> FRAUD_AND_CARD_LOSS;
            case SUSPECTED_FRAUD -> SUSPECTED_FRAUD;
        };
    }

    /** The first unanswered turn: try again, maybe one of these, or ask for a person. */
    static String notUnderstood(List<String> related) {
        StringBuilder text = new StringBuilder("죄송해요, 알맞은 답을 찾지 못했어요. 조금 다르게 물어봐 주시겠어요?");
        if (!related.isEmpty()) {
            text.append("\n혹시 이런 내용을 찾으셨나요?");
            related.stream().limit(3).forEach(title -> text.append("\n· ").append(title));
        }
        text.append("\n상담사와 이야기하시려면 '상담원 연결'이라고 입력해 주세요.");
        return text.toString();
    }
}
