package io.sori.channel.bot;

import io.sori.events.banking.EmergencyAction;
import io.sori.platform.intent.Emergency;
import io.sori.platform.intent.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    static final String COMPLAINT = "정식 민원으로 접수해 드릴게요. 담당자가 내용을 확인하고 영업일 기준 14일 안에 "
            + "답변드려요. 상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.";

    // emergencies: the first guidance, before the person takes over
    static final String FREEZE_AND_CARD_STOP = "피해를 막기 위해 계좌 지급정지와 카드 사용 정지를 요청했어요.";
    static final String FREEZE = "피해를 막기 위해 고객님 계좌의 지급정지를 요청했어요.";
    static final String CARD_STOP = "카드 사용 정지를 요청했어요.";
    /** Voice phishing: stop the money where it went, and get the fraudster's app off the phone. */
    static final String PAYEE_STOP = "돈을 보내셨다면 받은 계좌의 지급정지를 바로 신청해 주세요. 경찰청 112나 "
            + "금융감독원 1332, 또는 돈을 보낸 은행에 신고하면 신청할 수 있어요.";
    static final String REMOTE_APP = "상대가 설치하라고 한 앱(원격제어 앱 등)이 있다면 바로 삭제하시고, "
            + "휴대폰 초기화를 권해 드려요.";
    static final String TAKEOVER = "비밀번호를 바꾸시고, 모르는 앱(특히 원격제어 앱)이 있다면 삭제해 주세요.";
    static final String IDENTITY_THEFT = "명의도용 피해를 막을 수 있도록 상담사에게 바로 연결해 드릴게요. "
            + "경찰청 112에도 신고해 주세요.";
    static final String UNKNOWN_PAYMENT = "모르는 결제가 더 생기지 않도록 막았어요. 결제 내역 확인과 이의 제기는 "
            + "상담사가 도와드려요.";
    /** A third party's fraud: the customer's own account stays open; the payee account is the one to stop. */
    static final String THIRD_PARTY_FRAUD = "사기 피해를 접수했어요. 고객님 계좌는 막지 않아요. 돈을 받은 상대방 계좌의 "
            + "지급정지 신청은 상담사가 도와드리고, 경찰청 112(사이버범죄 신고)에도 신고해 주세요. "
            + "입금 내역과 대화 내용은 캡처해 두세요.";
    static final String SUSPECTED_FRAUD = "금융사기가 의심돼요. 상대가 시키는 대로 돈을 보내거나 인증번호를 알려주거나 "
            + "앱을 설치하지 마세요.";
    static final String CARD_LOSS = "카드를 잃어버리셨다면 앱의 카드 탭에서 바로 분실신고를 할 수도 있어요.";
    static final String PHONE_LOSS = "휴대폰을 잃어버리셨군요. 통신사에 분실 신고를 먼저 해 주세요. "
            + "본인 확인과 앱 이용은 상담사가 도와드릴게요.";
    static final String ID_LOSS = "신분증을 잃어버리셨다면 명의도용 피해가 생기지 않도록 바로 도와드릴게요.";
    static final String OTHER_LOSS = "분실 신고를 도와드릴게요. 카드를 잃어버리셨다면 앱의 카드 탭에서 바로 분실신고를 할 수 있어요.";
    static final String AGENT_NEXT = "상담사가 곧 이어서 도와드릴게요.";

    /**
     * The first guidance for an emergency: what was requested at once (only what the intent
     * model asked core banking for), then what the customer should do now, then the person.
     */
    static String emergency(Intent intent) {
        List<String> parts = new ArrayList<>();
        Set<EmergencyAction> actions = intent.emergencyActions();
        if (actions.contains(EmergencyAction.FREEZE_ACCOUNT) && actions.contains(EmergencyAction.SUSPEND_CARD)) {
            parts.add(FREEZE_AND_CARD_STOP);
        } else if (actions.contains(EmergencyAction.FREEZE_ACCOUNT)) {
            parts.add(FREEZE);
        } else if (actions.contains(EmergencyAction.SUSPEND_CARD)) {
            parts.add(CARD_STOP);
        }
        for (Emergency emergency : intent.emergencies()) {
            switch (emergency) {
                case VOICE_PHISHING, SUSPECTED_FRAUD -> {
                    if (emergency == Emergency.SUSPECTED_FRAUD) {
                        parts.add(SUSPECTED_FRAUD);
                    }
                    parts.add(PAYEE_STOP);
                    parts.add(REMOTE_APP);
                }
                case ACCOUNT_TAKEOVER -> parts.add(TAKEOVER);
                case IDENTITY_THEFT -> parts.add(IDENTITY_THEFT);
                case UNKNOWN_CARD_PAYMENT -> parts.add(UNKNOWN_PAYMENT);
                case THIRD_PARTY_FRAUD -> parts.add(THIRD_PARTY_FRAUD);
                case CARD_LOSS -> {
                    if (!actions.contains(EmergencyAction.SUSPEND_CARD)) {
                        parts.add(CARD_LOSS);
                    }
                }
                case PHONE_LOSS -> parts.add(PHONE_LOSS);
                case ID_LOSS -> parts.add(ID_LOSS);
                case OTHER_LOSS -> parts.add(OTHER_LOSS);
            }
        }
        parts.add(AGENT_NEXT);
        return String.join(" ", parts.stream().distinct().toList());
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
