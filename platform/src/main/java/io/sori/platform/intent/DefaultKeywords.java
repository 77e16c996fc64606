package io.sori.platform.intent;

import io.sori.events.Category;
import static io.sori.platform.intent.UrgencySignal.FRAUD;
import static io.sori.platform.intent.UrgencySignal.HACKING;
import static io.sori.platform.intent.UrgencySignal.IDENTITY_THEFT;
import static io.sori.platform.intent.UrgencySignal.LOSS;
import static io.sori.platform.intent.UrgencySignal.THEFT;
import static io.sori.platform.intent.UrgencySignal.UNKNOWN_PAYMENT;
import static io.sori.platform.intent.UrgencySignal.VOICE_PHISHING;

import io.sori.platform.intent.KeywordRules.Anchor;
import io.sori.platform.intent.KeywordRules.CategoryRule;
import io.sori.platform.intent.KeywordRules.Phrases;
import io.sori.platform.intent.KeywordRules.Qualifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sori's Korean keyword rules. Words are written as customers type them; spacing does not
 * matter (it is removed before matching). Emergency words are kept narrow on purpose: they
 * request an account freeze or a card stop.
 */
final class DefaultKeywords {

    private DefaultKeywords() {
    }

    static final List<String> LOSS_WORDS = List.of("분실", "잃어", "잃었", "잃고", "일어버렸", "일어버린", "이러버렸",
            "두고 내렸", "놓고 내렸", "두고 왔", "놓고 왔", "떨어뜨렸", "떨어트렸", "흘렸", "흘린 것 같", "흘린 거", "흘린거", "카드가 없어졌",
            "지갑이 없어졌", "카드를 못 찾", "지갑을 못 찾");

    static final List<String> THEFT_WORDS = List.of("도난", "훔쳐", "훔친", "훔쳤", "소매치기", "도둑", "날치기", "뺏겼",
            "빼앗");

    static final List<String> VOICE_PHISHING_WORDS = List.of("보이스피싱", "보이스 피싱", "피싱", "스미싱", "전화금융사기",
            "전기통신금융사기", "검찰 사칭", "검사 사칭", "경찰 사칭", "금감원 사칭", "금융감독원 사칭", "검찰이라고", "검사라고",
            "검찰청이라", "검찰청에서", "지검", "수사관이라고", "수사관이", "금감원 직원이라", "금융감독원 직원이라", "대출 빙자",
            "저금리 대출 해준다", "저금리로 갈아타", "대환대출 해준다", "안전계좌", "원격제어", "원격 제어", "원격 앱",
            "원격으로 조종", "팀뷰어", "애니데스크", "퀵서포트", "앱을 설치하라", "앱을 깔라고", "앱 깔라고", "앱 좀 깔아",
            "앱을 깔아", "링크로 앱", "문자 링크를 눌렀", "링크를 눌렀", "링크 눌렀", "가족 사칭", "자녀 사칭", "아들이라고",
            "딸이라고", "엄마 폰이 고장", "폰 액정이 깨져서", "상품권 핀번호", "인증번호를 알려", "인증번호 알려", "인증번호를 불러",
            "otp 번호를 불러", "otp 번호 불러", "otp를 불러", "보안카드 번호", "비밀번호를 알려줬", "비밀번호 알려줬",
            "현금 전달", "현금을 전달", "현금을 건네", "현금 수거");

    static final List<String> FRAUD_WORDS = List.of("사기", "속았", "먹튀", "돈만 받고", "물건을 안 보내", "물건을 보내지 않",
            "물건이 안 와", "물건을 안 줘", "연락이 두절", "연락두절", "잠적", "잠수 탔", "잠수탔", "입금했는데 차단");

    static final List<String> IDENTITY_THEFT_WORDS = List.of("명의도용", "명의를 도용", "명의가 도용", "모르는 대출",
            "모르는 계좌가 개설", "모르는 계좌가 만들어", "모르는 계좌가 있", "모르는 폰", "모르는 휴대폰", "대포폰");

    static final List<String> HACKING_WORDS = List.of("해킹", "모르는 로그인", "낯선 로그인", "모르는 기기", "낯선 기기",
            "다른 기기에서 로그인", "다른 사람이 로그인", "누가 로그인", "누가 접속", "안 한 이체", "하지 않은 이체", "안 한 출금",
            "하지 않은 출금", "안 한 송금", "하지 않은 송금", "안 한 거래", "하지 않은 거래", "안 했는데 이체", "안 했는데 출금",
            "안 했는데 돈이", "무단 이체", "무단 인출", "무단 출금", "비밀번호가 바뀌", "비밀번호를 바꾼 적", "잔액이 사라",
            "돈이 사라졌", "잔고가 사라", "계정이 털", "통장이 털", "계좌가 털", "털렸");

    static final List<String> UNKNOWN_PAYMENT_WORDS = List.of("부정사용", "부정 사용", "부정결제", "부정 결제", "무단 결제",
            "무단결제", "무단 사용", "카드 도용", "카드가 도용", "카드번호 도용", "카드번호가 도용", "카드 정보가 도용",
            "카드정보 도용", "카드 복제", "카드가 복제");

    /** Not a gap of clause ends between two words of one phrase. */
    private static final String GAP = "(?:(?!데|니까|면서|어서|아서|해서|고|며)[가-힣0-9,])";

    static final List<Pattern> UNKNOWN_PAYMENT_PATTERNS = List.of(
            // "모르는 결제가 3건", "제가 안 한 카드 결제", "기억에 없는 해외 승인"
            Pattern.compile("(?:모르는|안한|안쓴|하지않은|쓰지않은|한적없는|한적이없는|쓴적없는|쓴적이없는|기억에없는|기억없는"
                    + "|낯선|처음보는|이상한|수상한)(?!번호|문자|전화|링크|앱)" + GAP + "{0,6}?(?:결제|승인|청구|카드값|사용내역|카드사용)"),
            // "결제한 적 없는데 결제 알림이", "카드 안 썼는데 결제됐대요"
            Pattern.compile("(?:결제|승인|카드)[을를은는도]?(?:안했|안한|한적없|한적이없|하지않았|안썼|쓴적없|쓴적이없|사용안했|사용한적없)"
                    + "[가-힣0-9,]{0,8}?(?:결제|승인|청구|빠져|나갔|됐|되었|됬|떴|찍혔)"),
            // "몰래 결제", "저도 모르게 카드 결제가"
            Pattern.compile("(?:몰래|모르게|모르는새|모르는사이)" + GAP + "{0,6}?(?:결제|승인)"));

    static final List<Pattern> HACKING_PATTERNS = List.of(
            Pattern.compile("(?:모르는|안한|하지않은|한적없는|한적이없는|기억에없는|낯선)(?!번호|문자|전화|링크|앱|사람한테|사람에게)"
                    + GAP + "{0,6}?(?:출금|이체|송금|인출)"),
            Pattern.compile("(?:이체|송금|출금)[을를은는도]?(?:안했|한적없|한적이없|하지않았)[가-힣0-9,]{0,8}?(?:빠져|나갔|됐|되었|출금|이체)"),
            // "모르는 사람한테 이체된 내역이 있어요 저는 한 적 없어요"
            Pattern.compile("(?:이체|송금|출금|인출)(?:된|됐|되었|돼)[가-힣0-9,]{0,12}?(?:한적|한적이|한게|한거)(?:없|아니)"),
            Pattern.compile("(?:몰래|모르게|모르는새|모르는사이)" + GAP + "{0,8}?(?:빠져나|출금|이체|송금|인출)"),
            Pattern.compile("돈이[가-힣]{0,3}?빠져나갔[가-힣,]{0,10}?(?:안했|한적없|한적이없|모르|한게아니|한거아니)"),
            Pattern.compile("(?<!카드|카드가|카드번호|카드번호가|카드정보|카드정보가)(?:계정|아이디|계좌)[이가을를]?(?:누가)?(?:해킹|도용|털)"));

    static final List<Pattern> IDENTITY_THEFT_PATTERNS = List.of(
            Pattern.compile("(?<!카드|카드가|카드번호|카드번호가|카드정보|카드정보가)도용(?:당|됐|된|되었|되어|돼|이|을)"),
            // "제 이름으로 대출이 나왔대요", "제 명의로 폰이 개통됐대요"
            Pattern.compile("(?:이름|명의)(?:으로|로)[가-힣0-9,]{0,12}?(?:됐대|됐다고|되었대|되었다고|되어있|돼있|되있|됐더|됐네"
                    + "|나왔|생겼|받았대|받았다고|받았더|받아갔|만들어졌|만들었대|만들어져|개통됐|개통되었|개통돼|개설됐|개설되었"
                    + "|개설돼|발급됐|발급되었|가입됐|가입되어|가입돼|있대|있다고|있더라)"),
            // "누가 제 이름으로 대출을 받았대요", "모르는 사람이 제 신분증으로 폰을 개통"
            Pattern.compile("(?:누가|누군가|모르는사람이|다른사람이|어떤사람이|타인이)[가-힣0-9,]{0,8}?(?:이름|명의|신분증|주민번호|개인정보)"
                    + "[가-힣0-9,]{0,10}?(?:대출|개통|개설|가입|발급|만들|신청|받았|빌렸|결제)"),
            Pattern.compile("(?:개설|신청|가입|개통|대출받은|대출을받은|만든|발급받은|발급한|개통한|가입한)(?:한)?적(?:이)?없"));

    /** A formal complaint (민원) said in words: filed with the bank or announced to the regulator. */
    static final List<Pattern> COMPLAINT_PATTERNS = List.of(
            Pattern.compile("민원[을를이은도]?(?:정식으로|정식|공식적으로|바로|당장|꼭)?(?:접수|제기|넣|신청|올리|올릴|낼|내겠|내려|내요|내고"
                    + "|걸|제출|할게|할께|하겠|할거|할꺼|할래|하려|합니다|하고싶|넣을|넣겠|넣어|넣으려)"),
            Pattern.compile("(?:정식|공식)(?:으로|적으로|적인)?(?:민원|항의|이의제기|불만접수|컴플레인|클레임)"),
            Pattern.compile("(?:금감원|금융감독원|금융위|금융위원회|소비자원|소비자보호원|국민신문고|신문고|1332)(?:에|으로|에다|에다가|쪽에|쪽으로)"
                    + "[가-힣]{0,4}?(?:신고|민원|제보|고발|진정|찌를|찔러|넣|접수|알리|올리|올릴|올려)"));

    static KeywordRules rules() {
        Map<UrgencySignal, List<String>> signals = new EnumMap<>(UrgencySignal.class);
        signals.put(LOSS, LOSS_WORDS);
        signals.put(THEFT, THEFT_WORDS);
        signals.put(VOICE_PHISHING, VOICE_PHISHING_WORDS);
        signals.put(FRAUD, FRAUD_WORDS);
        signals.put(IDENTITY_THEFT, IDENTITY_THEFT_WORDS);
        signals.put(HACKING, HACKING_WORDS);
        signals.put(UNKNOWN_PAYMENT, UNKNOWN_PAYMENT_WORDS);
        Map<UrgencySignal, List<Pattern>> patterns = new EnumMap<>(UrgencySignal.class);
        patterns.put(UNKNOWN_PAYMENT, UNKNOWN_PAYMENT_PATTERNS);
        patterns.put(HACKING, HACKING_PATTERNS);
        patterns.put(IDENTITY_THEFT, IDENTITY_THEFT_PATTERNS);
        return new KeywordRules(categories(), signals, patterns, anchors(), phrases(), COMPLAINT_PATTERNS);
    }

    /** Precedence order: earlier wins among categories with the same kind of evidence. */
    private static List<CategoryRule> categories() {
        return List.of(
                new CategoryRule(Category.FRAUD, Set.of(VOICE_PHISHING, FRAUD, IDENTITY_THEFT, HACKING, UNKNOWN_PAYMENT), List.of(
                        "보이스피싱", "피싱", "스미싱", "사기", "명의도용", "해킹", "대포통장", "지급정지", "피해구제", "피해금",
                        "사기이용계좌", "부정사용", "개인정보 노출", "명의도용 방지", "대출 권유 전화", "의심 전화", "의심 문자",
                        "수상한 전화", "수상한 문자")),
                new CategoryRule(Category.CARD_LOSS, Set.of(), List.of(
                        "분실신고", "도난신고", "카드 분실", "카드 도난", "카드 정지", "카드 사용정지", "카드를 정지")),
                new CategoryRule(Category.TRANSFER_LIMIT, Set.of(), List.of(
                        "이체한도", "송금한도", "출금한도", "한도제한계좌", "한도제한 계좌", "금융거래한도", "한도계좌", "한도제한",
                        "1일 이체", "일일 이체", "한도 올려", "한도 상향", "한도 늘려", "한도 풀어")),
                new CategoryRule(Category.LOAN_JEONSE, Set.of(), List.of(
                        "전세대출", "전세자금", "전월세", "월세대출", "보증금 대출", "전세보증", "주택도시보증공사",
                        "주택금융공사", "버팀목", "전세", "임대차계약", "확정일자", "잔금")),
                new CategoryRule(Category.LIMIT_INQUIRY, Set.of(), List.of(
                        "한도조회", "한도 확인", "한도가 얼마", "카드한도", "대출한도", "신용한도", "대출 가능 금액",
                        "대출이 얼마나", "얼마까지 빌", "얼마까지 대출", "대출", "심사")),
                new CategoryRule(Category.GROUP_ACCOUNT, Set.of(), List.of(
                        "모임통장", "모임카드", "모임원", "모임주", "회비", "모임")),
                new CategoryRule(Category.INVESTMENT, Set.of(), List.of(
                        "주식", "증권", "투자", "펀드", "etf", "공모주", "배당", "mts")),
                new CategoryRule(Category.FX, Set.of(), List.of(
                        "외환", "환전", "해외송금", "외화", "환율", "달러", "엔화", "유로", "위안", "해외 이체", "swift",
                        "스위프트", "외국환", "해외계좌")),
                new CategoryRule(Category.CARD, Set.of(), List.of(
                        "카드", "결제", "할부", "캐시백", "가맹점", "승인취소", "결제취소", "후불교통")),
                new CategoryRule(Category.IDENTITY, Set.of(), List.of(
                        "로그인", "본인인증", "본인확인", "인증서", "신분증", "명의 휴대폰", "명의폰", "휴대폰 인증",
                        "휴대폰 번호", "기기변경", "기기 등록", "폰을 바꿨", "폰을 바꾸", "유심", "비밀번호", "비번", "패턴",
                        "지문", "얼굴인증", "간편인증", "잠겼", "잠금", "otp", "아이디")),
                new CategoryRule(Category.ACCOUNT, Set.of(), List.of(
                        "계좌", "통장", "입금", "출금", "이체", "송금", "잔액", "예금", "적금", "세이프박스", "해지", "개설",
                        "거래내역", "자동이체", "입출금", "착오송금", "잘못 보냈", "잘못 송금", "이자", "빠져나", "반송", "보낸 돈")),
                new CategoryRule(Category.GENERAL, Set.of(), List.of()));
    }

    private static List<Anchor> anchors() {
        List<String> lossOrTheft = new ArrayList<>(LOSS_WORDS);
        lossOrTheft.addAll(THEFT_WORDS);
        return List.of(
                new Anchor("분실·도난", lossOrTheft, List.of(
                        new Qualifier(Category.CARD_LOSS, List.of("카드", "체크카드", "신용카드", "지갑", "카드지갑")),
                        new Qualifier(Category.IDENTITY, List.of("휴대폰", "핸드폰", "스마트폰", "휴대전화", "폰", "아이폰",
                                "갤럭시", "유심", "신분증", "주민등록증", "운전면허증", "otp"))),
                        10),
                new Anchor("한도", List.of("한도"), List.of(
                        new Qualifier(Category.TRANSFER_LIMIT, List.of("이체", "송금", "출금", "인출", "atm", "오픈뱅킹")),
                        new Qualifier(Category.LIMIT_INQUIRY, List.of("카드", "신용카드", "체크카드", "대출", "신용대출",
                                "마이너스", "마이너스통장", "비상금대출", "결제", "할부", "신용")),
                        new Qualifier(Category.LOAN_JEONSE, List.of("전세대출", "전세자금", "전세자금대출", "전월세대출",
                                "월세대출", "보증금대출")),
                        new Qualifier(Category.FX, List.of("해외송금", "외화송금", "환전", "외화", "해외 이체")),
                        new Qualifier(Category.GROUP_ACCOUNT, List.of("모임통장"))),
                        8));
    }

    private static Phrases phrases() {
        List<String> ignored = List.of(
                // 사기 inside other words
                "이사 기간", "이사 기념", "심사 기간", "심사 기준", "검사 기간", "조사 기간", "조사 기관", "감사 기간", "회사 기념",
                "회사 기밀", "회사 기숙사", "인사 기록", "검사 기록", "조사 기록", "감사 기다", "사기업", "사기 진작", "사기진작", "사기충천", "사기가 떨어", "사기를 높",
                "분실물",
                // denied losses
                "잃어버린 게 아니", "잃어버린 건 아니", "잃어버리지 않", "분실한 게 아니", "분실한 건 아니", "분실된 게 아니",
                "분실된 건 아니", "분실은 아니", "분실이 아니", "분실하지 않", "도난이 아니", "도난당한 게 아니",
                "도난당한 건 아니");
        List<String> settled = List.of(
                "분실신고 해제", "분실 해제", "분실신고를 해제", "분실신고 취소", "분실신고를 취소", "분실신고 풀",
                "분실신고를 풀", "도난신고 해제", "도난신고를 해제", "분실신고했던 카드를 찾", "분실한 카드를 찾았",
                "잃어버린 카드를 찾았", "분실 예방", "도난 방지", "보이스피싱 예방", "보이스피싱을 예방", "피싱 예방",
                "사기 예방", "사기를 예방", "해킹 예방", "해킹 방지", "명의도용 방지", "명의도용방지", "보이스피싱 주의",
                // worries, not incidents
                "명의도용 될까", "명의도용 당할까", "명의도용이 걱정", "도용될까", "도용 될까", "도용당할까",
                "사기 당할까", "사기일까 봐", "해킹될까", "해킹 될까", "해킹당할까");
        List<String> informational = List.of(
                "영업시간", "운영시간", "상담시간", "상담 가능 시간", "고객센터 번호", "고객센터 전화", "수수료가 얼마",
                "수수료는 얼마", "금리가 얼마", "금리는 얼마", "이자율", "이벤트", "혜택", "어떻게 하나요", "어떻게 해요",
                "어떻게 되나요", "방법", "궁금", "알려주세요", "알고 싶", "가능한가요", "있나요");
        List<String> trouble = List.of(
                "안 돼", "안 되", "안 됐", "안 됩", "못 하", "못 해", "못 받", "못 했", "오류", "에러", "실패", "막혔",
                "막혀", "거절", "이중", "두 번", "빠져나", "환불", "불만", "민원", "왜", "급해", "급합", "급한", "빨리",
                "당장", "피해", "사고", "항의", "잘못", "틀렸", "정지", "문제");
        return new Phrases(ignored, settled, informational, trouble);
    }
}
