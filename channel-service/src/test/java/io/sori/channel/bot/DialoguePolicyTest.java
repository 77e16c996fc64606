package io.sori.channel.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.channel.bot.calculator.ReferenceData;
import io.sori.channel.bot.calculator.ReferenceFixtures;
import io.sori.channel.bot.calculator.ReferenceKind;
import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialoguePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z"); // 14:00 in Seoul
    private static final ReferenceData LOADED = new ReferenceData(ReferenceFixtures.rates(), ReferenceFixtures.merchants(),
            false);

    private final DialoguePolicy policy = new DialoguePolicy();

    private Step decide(BotState state, String text) {
        return policy.decide(state, Channel.CHAT, text, NOW, LOADED);
    }

    private Step.Reply reply(BotState state, String text) {
        Step step = decide(state, text);
        assertThat(step).as("a reply without the FAQ for: %s", text).isInstanceOf(Step.Reply.class);
        return (Step.Reply) step;
    }

    /** One turn that goes to the FAQ, with what the knowledge base answers. */
    private Step.Reply viaKb(BotState state, String text, KbAnswer kb) {
        Step step = decide(state, text);
        assertThat(step).as("the FAQ is asked for: %s", text).isInstanceOf(Step.AskKb.class);
        return policy.afterKb(state, (Step.AskKb) step, kb);
    }

    @Test
    void shouldAskTheFaqAndAnswerWithTheArticleAsPlainText() {
        Step step = decide(BotState.fresh(), "이체 한도를 올리고 싶어요");
        assertThat(step).isEqualTo(new Step.AskKb("이체 한도를 올리고 싶어요", "TRANSFER_LIMIT"));

        KbAnswer kb = KbAnswer.answered("faq-transfer-limit", "이체한도를 올리고 싶어요",
                "앱에서 **이체한도**를 바로 올릴 수 있어요.\n\n## 올리는 방법\n- 전체 메뉴 → 이체한도 변경\n- 본인 확인 후 새 한도 입력", 0.78);
        Step.Reply turn = policy.afterKb(new BotState(1, false), (Step.AskKb) step, kb);
        BotReply reply = turn.reply();
        assertThat(reply.from()).isEqualTo("BOT");
        assertThat(reply.text()).isEqualTo("앱에서 이체한도를 바로 올릴 수 있어요.\n\n올리는 방법\n· 전체 메뉴 → 이체한도 변경\n"
                + "· 본인 확인 후 새 한도 입력");
        assertThat(reply.articleId()).isEqualTo("faq-transfer-limit");
        assertThat(reply.handoff()).isFalse();
        assertThat(reply.handoffReason()).isNull();
        assertThat(reply.categoryHint()).isEqualTo("TRANSFER_LIMIT");
        assertThat(reply.next()).isEqualTo(BotState.fresh()); // an answer resets the unanswered count
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.ANSWERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"상담원 연결해 주세요", "상담사랑 통화하고 싶어요", "사람이랑 얘기하고 싶어요", "직원 연결 부탁드려요",
            "챗봇 말고 사람 바꿔주세요"})
    void shouldHandOffWhenTheCustomerAsksForAPerson(String text) {
        Step.Reply turn = reply(BotState.fresh(), text);
        assertThat(turn.reply().handoff()).isTrue();
        assertThat(turn.reply().handoffReason()).isEqualTo("ASKED");
        assertThat(turn.reply().from()).isEqualTo("SYSTEM");
        assertThat(turn.reply().text()).isEqualTo("상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.");
        assertThat(turn.reply().next()).isEqualTo(new BotState(0, true));
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.HANDOFF);
    }

    @Test
    void shouldHandOffALostCardAtOnceWithTheCardStopGuidance() {
        Step.Reply turn = reply(BotState.fresh(), "체크카드를 잃어버렸어요");
        BotReply reply = turn.reply();
        assertThat(reply.handoff()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.categoryHint()).isEqualTo("CARD_LOSS");
        assertThat(reply.text()).isEqualTo("카드 사용 정지를 요청했어요. 상담사가 곧 이어서 도와드릴게요.");
        assertThat(reply.next().handedOff()).isTrue();
    }

    @Test
    void shouldHandOffVoicePhishingAtOnceWithTheFreezeGuidanceAndTheNumbersToCall() {
        BotReply reply = reply(BotState.fresh(), "보이스피싱 당한 것 같아요").reply();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.categoryHint()).isEqualTo("FRAUD");
        assertThat(reply.text()).contains("지급정지를 요청했어요", "112", "1332", "상담사가 곧 이어서 도와드릴게요");
    }

    @Test
    void shouldPutAnEmergencyBeforeEverythingElse() {
        // asked for a person and upset too: the emergency guidance still comes first
        BotReply reply = reply(new BotState(1, false), "카드 도난당했어요!!! 빨리 상담원 연결해줘").reply();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.categoryHint()).isEqualTo("CARD_LOSS");

        // unknown card payments stop the card; the account is not the one at risk
        BotReply both = reply(BotState.fresh(), "지갑을 도난당했는데 모르는 결제가 있어요").reply();
        assertThat(both.categoryHint()).isEqualTo("FRAUD");
        assertThat(both.text()).contains("카드 사용 정지를 요청했어요").doesNotContain("지급정지");

        BotReply phone = reply(BotState.fresh(), "휴대폰을 잃어버려서 로그인을 못 해요").reply();
        assertThat(phone.handoffReason()).isEqualTo("URGENT");
        assertThat(phone.categoryHint()).isEqualTo("IDENTITY");
        assertThat(phone.text()).contains("통신사에 분실 신고").doesNotContain("카드 사용 정지");
    }

    @Test
    void shouldNotClaimAFreezeForSignsThatTicketServiceDoesNotFreezeFor() {
        // a clicked link alone does not put the account at risk in the intent model: no freeze is requested,
        // so the guidance asks the customer to report it and a person follows at once
        BotReply reply = reply(BotState.fresh(), "모르는 번호로 문자가 왔는데 링크를 눌렀어요").reply();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.categoryHint()).isEqualTo("FRAUD");
        assertThat(reply.text()).contains("112", "1332", "원격제어 앱", "초기화").doesNotContain("지급정지를 요청했어요");
    }

    @Test
    void shouldGuideAVoicePhishingVictimToThePayeeAccountStopAndRemovingTheRemoteControlApp() {
        String text = reply(BotState.fresh(), "원격제어 앱 설치하라고 해서 깔았는데 돈이 빠져나갔어요").reply().text();
        assertThat(text).contains("지급정지를 요청했어요", "받은 계좌의 지급정지", "112", "1332", "원격제어 앱", "삭제",
                "휴대폰 초기화");
    }

    @ParameterizedTest
    @ValueSource(strings = {"누가 제 이름으로 대출을 받았대요", "제 명의로 폰이 개통됐대요"})
    void shouldHandIdentityTheftToAPersonAtOnce(String text) {
        BotReply reply = reply(BotState.fresh(), text).reply();
        assertThat(reply.handoff()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.categoryHint()).isEqualTo("FRAUD");
        assertThat(reply.text()).contains("명의도용", "상담사에게 바로 연결");
    }

    @ParameterizedTest
    @ValueSource(strings = {"중고거래 판매자가 사기꾼이에요", "상대방이 사기 쳤어요 그 사람 계좌 막아주세요"})
    void shouldNotClaimToFreezeTheCustomersAccountForAThirdPartysFraud(String text) {
        BotReply reply = reply(BotState.fresh(), text).reply();
        assertThat(reply.handoffReason()).isEqualTo("URGENT");
        assertThat(reply.text()).contains("고객님 계좌는 막지 않아요", "상대방 계좌의 지급정지", "112")
                .doesNotContain("지급정지를 요청했어요");
    }

    @ParameterizedTest
    @ValueSource(strings = {"정식으로 민원 접수할게요", "금감원에 신고할 거예요", "민원 넣겠습니다"})
    void shouldHandAFormalComplaintSaidInChatToAPerson(String text) {
        BotReply reply = reply(BotState.fresh(), text).reply();
        assertThat(reply.handoff()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("COMPLAINT");
        assertThat(reply.text()).contains("민원", "14일");
    }

    @ParameterizedTest
    @ValueSource(strings = {"보이스피싱 예방하는 방법 알려주세요", "분실신고 해제는 어떻게 하나요?",
            "카드 분실하면 어떻게 신고하는지 미리 알아두려고요", "해킹 당한건 아닌데 로그인 기록 확인", "대출 심사 기간이 얼마나 걸려요?",
            "이사 기간에 주소 변경은 어떻게 해요", "잃어버린 게 아니라 카드가 휘었어요"})
    void shouldNotRaiseAnAlarmForQuestionsThatOnlyMentionEmergencyWords(String text) {
        assertThat(decide(BotState.fresh(), text)).isInstanceOf(Step.AskKb.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"아 진짜 짜증나네", "장난해? 몇 번을 말해", "왜 이렇게 안 돼요??", "이게 뭐야!!!", "씨발 왜 안돼",
            "너무 화나요 정말"})
    void shouldHandOffAnUpsetCustomer(String text) {
        BotReply reply = reply(BotState.fresh(), text).reply();
        assertThat(reply.handoffReason()).isEqualTo("UPSET");
        assertThat(reply.text()).startsWith("불편을 드려 정말 죄송해요.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"이체한도 어떻게 올려요??", "전화나 문자로 안내받을 수 있나요?", "카드 재발급 언제 와요?"})
    void shouldNotTakeAnOrdinaryQuestionForAnger(String text) {
        assertThat(decide(BotState.fresh(), text)).isInstanceOf(Step.AskKb.class);
    }

    @Test
    void shouldHandOffOnTheSecondUnansweredTurnInARow() {
        KbAnswer none = KbAnswer.notAnswered(0.12, List.of("비트코인은 취급하지 않아요", "해외 주식 계좌 개설"));
        Step.Reply first = viaKb(BotState.fresh(), "비트코인 사는 방법", none);
        assertThat(first.reply().handoff()).isFalse();
        assertThat(first.reply().from()).isEqualTo("BOT");
        assertThat(first.reply().text()).contains("알맞은 답을 찾지 못했어요", "· 비트코인은 취급하지 않아요", "'상담원 연결'");
        assertThat(first.reply().next()).isEqualTo(new BotState(1, false));
        assertThat(first.outcome()).isEqualTo(TurnOutcome.UNANSWERED);

        Step.Reply second = viaKb(first.reply().next(), "코인 거래소 연동 되나요", KbAnswer.notAnswered(0.05, List.of()));
        assertThat(second.reply().handoff()).isTrue();
        assertThat(second.reply().handoffReason()).isEqualTo("UNANSWERED");
        assertThat(second.reply().next()).isEqualTo(new BotState(2, true));
        assertThat(second.outcome()).isEqualTo(TurnOutcome.HANDOFF);
    }

    @Test
    void shouldStartCountingAgainAfterAnAnswer() {
        Step.Reply missed = viaKb(BotState.fresh(), "비트코인 사는 방법", KbAnswer.notAnswered(0.1, List.of()));
        Step.Reply answered = viaKb(missed.reply().next(), "모임통장 만드는 방법",
                KbAnswer.answered("faq-group-account", "모임통장 만들기", "앱에서 만들 수 있어요.", 0.8));
        Step.Reply missedAgain = viaKb(answered.reply().next(), "코인 거래소 연동 되나요", KbAnswer.notAnswered(0.1, List.of()));
        assertThat(missedAgain.reply().handoff()).isFalse();
        assertThat(missedAgain.reply().next()).isEqualTo(new BotState(1, false));
    }

    @Test
    void shouldHandOffAtOnceWhenTheKnowledgeBaseCannotBeAsked() {
        Step.Reply turn = viaKb(BotState.fresh(), "이체 한도를 올리고 싶어요", KbAnswer.unavailable());
        assertThat(turn.reply().handoff()).isTrue();
        assertThat(turn.reply().handoffReason()).isEqualTo("BOT_UNAVAILABLE");
        assertThat(turn.reply().text()).contains("상담사에게 연결해 드릴게요");
        assertThat(turn.reply().categoryHint()).isEqualTo("TRANSFER_LIMIT");
    }

    @Test
    void shouldCalculateWithoutTheFaqAndCountItAnAnswer() {
        Step.Reply turn = reply(new BotState(1, false), "월 30만원씩 12개월 연 3.5% 적금 만기 금액");
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.CALCULATOR);
        assertThat(turn.reply().from()).isEqualTo("BOT");
        assertThat(turn.reply().text()).contains("만기 수령액: 3,657,750원");
        assertThat(turn.reply().next()).isEqualTo(BotState.fresh());

        Step.Reply ask = reply(new BotState(1, false), "대출 이자 계산해 주세요");
        assertThat(ask.outcome()).isEqualTo(TurnOutcome.CALCULATOR);
        assertThat(ask.reply().handoff()).isFalse();
        assertThat(ask.reply().text()).contains("대출 금액, 연 금리, 기간을 알려 주세요");
    }

    @Test
    void shouldLoadReferenceDataFirstAndOfferAPersonWhenItCannotBeHad() {
        Step first = policy.decide(BotState.fresh(), Channel.TALK, "100달러 원화로 얼마", NOW, ReferenceData.none());
        assertThat(first).isEqualTo(new Step.LoadReference(ReferenceKind.FX_RATES));

        Step.Reply unavailable = (Step.Reply) policy.decide(BotState.fresh(), Channel.TALK, "100달러 원화로 얼마", NOW,
                ReferenceData.none().afterLoadAttempt());
        assertThat(unavailable.reply().handoff()).isFalse();
        assertThat(unavailable.reply().text()).contains("지금은 환율 정보를 불러올 수 없어요", "'상담원 연결'");
        assertThat(unavailable.outcome()).isEqualTo(TurnOutcome.UNANSWERED);
        assertThat(unavailable.reply().next()).isEqualTo(new BotState(1, false));

        Step.Reply again = (Step.Reply) policy.decide(unavailable.reply().next(), Channel.TALK, "100달러 원화로 얼마", NOW,
                ReferenceData.none().afterLoadAttempt());
        assertThat(again.reply().handoffReason()).isEqualTo("BOT_UNAVAILABLE");
    }

    @Test
    void shouldStaySilentOnceAPersonHasTakenOver() {
        BotState withAgent = new BotState(0, true);
        Step.Reply turn = reply(withAgent, "이체 한도를 올리고 싶어요");
        assertThat(turn.reply().handoff()).isTrue();
        assertThat(turn.reply().handoffReason()).isNull();
        assertThat(turn.reply().text()).isEqualTo("상담사에게 전달했어요. 상담사가 곧 답변드릴게요.");
        assertThat(turn.reply().next()).isEqualTo(withAgent);
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.WITH_AGENT);

        // even then, an emergency gets its first guidance at once
        Step.Reply emergency = reply(withAgent, "방금 카드 잃어버렸어요");
        assertThat(emergency.reply().text()).startsWith("카드 사용 정지를 요청했어요");
        assertThat(emergency.reply().handoffReason()).isNull();
        assertThat(emergency.reply().categoryHint()).isEqualTo("CARD_LOSS");
    }

    @Test
    void shouldGreetAndThankWithoutCountingATurnAgainstTheCustomer() {
        Step.Reply hello = reply(new BotState(1, false), "안녕하세요!");
        assertThat(hello.reply().text()).startsWith("안녕하세요, 소리은행 챗봇이에요.");
        assertThat(hello.reply().next()).isEqualTo(new BotState(1, false));
        assertThat(reply(BotState.fresh(), "네 감사합니다 ^^").reply().text()).startsWith("도움이 되었다니 다행이에요.");
        assertThat(decide(BotState.fresh(), "안녕하세요 이체한도 올리고 싶어요")).isInstanceOf(Step.AskKb.class);
    }

    @Test
    void shouldTellTheAgeByTheDateInSeoul() {
        // 15:30 UTC on 2 May is 00:30 on 3 May in Seoul: the birthday has come
        Instant seoulMidnight = Instant.parse("2026-05-02T15:30:00Z");
        Step.Reply turn = (Step.Reply) policy.decide(BotState.fresh(), Channel.CHAT, "1990년 5월 3일생 만 나이",
                seoulMidnight, LOADED);
        assertThat(turn.outcome()).isEqualTo(TurnOutcome.CALCULATOR);
        assertThat(turn.reply().text()).isEqualTo("1990년 5월 3일생은 오늘(2026년 5월 3일) 기준 만 36세예요. "
                + "오늘 생일이시네요. 축하드려요!");
    }

    @Test
    void shouldServeOnlyTheChatChannels() {
        assertThatThrownBy(() -> policy.decide(BotState.fresh(), Channel.EMAIL, "안녕하세요", NOW, LOADED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
