package io.sori.channel.bot.calculator;

import static io.sori.channel.bot.calculator.CalculatorRequests.compact;
import static io.sori.channel.bot.calculator.CalculatorRequests.containsAny;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chatbot's calculators: which one a customer's text asks for, and the answer in Korean.
 * A calculator that is recognised but lacks a parameter asks for it, with an example to copy.
 *
 * <p>Recognition, in this order (the first that matches wins):
 * <ol>
 *   <li>age: 만 나이, or 나이/몇 살 with a birth date;</li>
 *   <li>cashback: 캐시백 with a merchant or category before it and a question ("되나요", "얼마");</li>
 *   <li>exchange: a foreign currency with an amount ("100달러", "50만원 엔화로"), or 환율/환전 with
 *       a currency or a question;</li>
 *   <li>loan: 대출/상환/원리금 with an amount, a rate or "상환액", "계산";</li>
 *   <li>savings: 적금/예금 with an amount, a rate or "만기", "계산".</li>
 * </ol>
 * Questions about fees, procedures or limits ("환전 수수료", "예금자보호 한도") are not
 * calculations: they go to the FAQ.
 */
public final class Calculators {

    public enum Kind {
        SAVINGS, LOAN, EXCHANGE, AGE, CASHBACK;

        /** The reference data this calculator reads, if any. */
        public Optional<ReferenceKind> reference() {
            return switch (this) {
                case EXCHANGE -> Optional.of(ReferenceKind.FX_RATES);
                case CASHBACK -> Optional.of(ReferenceKind.CASHBACK_MERCHANTS);
                default -> Optional.empty();
            };
        }
    }

    public enum Status {
        /** A result. */
        ANSWERED,
        /** Recognised, but a parameter is missing or wrong: the reply asks for it. */
        MISSING_PARAMETERS,
        /** The reference data could not be had: the reply says so and offers a person. */
        UNAVAILABLE,
        /** The reference data is not loaded yet: load it, then ask again. */
        NEEDS_REFERENCE
    }

    /** @param needs the reference data to load first (NEEDS_REFERENCE only) */
    public record Answer(Kind kind, Status status, String text, ReferenceKind needs) {

        static Answer answered(Kind kind, String text) {
            return new Answer(kind, Status.ANSWERED, text, null);
        }

        static Answer missing(Kind kind, String text) {
            return new Answer(kind, Status.MISSING_PARAMETERS, text, null);
        }
    }

    private static final DateTimeFormatter KOREAN_DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일");
    private static final DateTimeFormatter KOREAN_DATE_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm");
    private static final Pattern CASHBACK_QUESTION = Pattern.compile(
            "되나요|되나|돼요|돼\\?|돼$|되요|되는지|되는 곳|되죠|되니|받을 수|받을수|적립|있나요|있어요\\?|얼마|몇|퍼센트|%|프로|가맹점");
    private static final int MAX_LISTED = 8;

    private Calculators() {
    }

    // ----------------------------------------------------------------------------- recognition

    /** The calculator the text asks for, if any. */
    public static Optional<Kind> recognise(String text) {
        String c = compact(text);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (isAge(text, c)) {
            return Optional.of(Kind.AGE);
        }
        if (isCashback(text, c)) {
            return Optional.of(Kind.CASHBACK);
        }
        if (isExchange(text, c)) {
            return Optional.of(Kind.EXCHANGE);
        }
        boolean figures = CalculatorRequests.wonAmount(text).isPresent()
                || CalculatorRequests.annualRatePercent(text).isPresent();
        if (containsAny(c, "대출", "원리금", "원금균등", "상환", "만기일시") && !containsAny(c, "예금자보호")
                && (figures || containsAny(c, "상환액", "계산", "월납입", "얼마씩", "이자얼마", "이자가얼마", "이자는얼마"))
                && !containsAny(c, "한도", "방법", "서류", "신청", "조건", "자격", "연장", "중도상환수수료")) {
            return Optional.of(Kind.LOAN);
        }
        if (containsAny(c, "적금", "예금", "예치") && !containsAny(c, "예금자보호", "보호한도", "해지", "담보")
                && (figures || containsAny(c, "만기금액", "만기수령", "만기때", "만기에", "계산", "이자얼마", "이자가얼마",
                        "이자는얼마", "얼마받"))) {
            return Optional.of(Kind.SAVINGS);
        }
        return Optional.empty();
    }

    private static boolean isAge(String text, String c) {
        boolean birthDate = AgeCalculator.birthDate(text, LocalDate.of(2000, 1, 1)) instanceof AgeCalculator.Found
                || AgeCalculator.birthDate(text, LocalDate.of(2000, 1, 1)) instanceof AgeCalculator.Invalid;
        if (containsAny(c, "조건", "기준", "제한", "가입", "대상") && !birthDate) {
            return false;
        }
        return c.contains("만나이") || containsAny(c, "나이계산", "나이가몇", "몇살", "나이알려") && birthDate
                || c.contains("나이") && birthDate && containsAny(c, "생", "태어");
    }

    private static boolean isCashback(String text, String c) {
        return c.contains("캐시백") && CashbackLookup.subject(text, null).isPresent()
                && CASHBACK_QUESTION.matcher(KoreanAmounts.normalise(text)).find();
    }

    private static boolean isExchange(String text, String c) {
        if (containsAny(c, "수수료", "우대", "방법", "신청", "한도", "어디서", "시간", "해외결제", "결제")) {
            return false;
        }
        List<String> currencies = Currencies.mentioned(text);
        boolean foreign = currencies.stream().anyMatch(code -> !Currencies.KRW.equals(code))
                || Currencies.target(text).filter(code -> !Currencies.KRW.equals(code)).isPresent();
        boolean amount = KoreanAmounts.findAll(text).stream().anyMatch(KoreanAmounts.Amount::explicit);
        boolean rateWords = containsAny(c, "환율", "환전", "매매기준율");
        return foreign && (amount || rateWords || containsAny(c, "얼마", "바꾸", "원화"))
                || rateWords && containsAny(c, "얼마", "알려", "조회", "오늘", "지금");
    }

    // ---------------------------------------------------------------------------------- answers

    /**
     * Answers a recognised request.
     *
     * @param today     the customer's date (Asia/Seoul)
     * @param reference what reference data is at hand
     */
    public static Answer answer(Kind kind, String text, LocalDate today, ReferenceData reference) {
        Objects.requireNonNull(reference, "reference");
        Optional<ReferenceKind> needed = kind.reference();
        if (needed.isPresent() && !reference.has(needed.get())) {
            return reference.loadAttempted()
                    ? new Answer(kind, Status.UNAVAILABLE, unavailable(needed.get()), null)
                    : new Answer(kind, Status.NEEDS_REFERENCE, null, needed.get());
        }
        return switch (kind) {
            case SAVINGS -> savings(text);
            case LOAN -> loan(text);
            case EXCHANGE -> exchange(text, reference.fxRates());
            case AGE -> age(text, today);
            case CASHBACK -> cashback(text, reference.merchants());
        };
    }

    private static String unavailable(ReferenceKind kind) {
        String what = kind == ReferenceKind.FX_RATES ? "환율 정보를" : "캐시백 가맹점 정보를";
        return "지금은 " + what + " 불러올 수 없어요. 잠시 후 다시 물어봐 주세요. "
                + "상담사와 이야기하시려면 '상담원 연결'이라고 입력해 주세요.";
    }

    // savings --------------------------------------------------------------------------------

    static Answer savings(String text) {
        String c = compact(text);
        boolean installment = containsAny(c, "적금", "매달", "매월", "씩") || c.startsWith("월");
        SavingsCalculator.Product product = installment ? SavingsCalculator.Product.INSTALLMENT
                : SavingsCalculator.Product.DEPOSIT;
        Optional<BigDecimal> amount = CalculatorRequests.wonAmount(text);
        Optional<Integer> months = CalculatorRequests.months(text);
        Optional<BigDecimal> rate = CalculatorRequests.annualRatePercent(text);
        List<String> missing = new ArrayList<>();
        if (amount.isEmpty()) {
            missing.add(installment ? "매달 넣을 금액" : "맡길 금액");
        }
        if (months.isEmpty()) {
            missing.add("기간");
        }
        if (rate.isEmpty()) {
            missing.add("연 금리");
        }
        String example = installment ? "'월 30만원씩 12개월 연 3.5% 적금 만기 금액'"
                : "'1000만원 12개월 연 3.5% 예금 만기 금액'";
        if (!missing.isEmpty()) {
            return Answer.missing(Kind.SAVINGS, (installment ? "적금" : "예금") + " 만기 금액을 계산해 드릴게요. "
                    + Formats.object(String.join(", ", missing)) + " 알려 주세요. 예: " + example);
        }
        if (months.get() < 1 || months.get() > SavingsCalculator.MAX_MONTHS
                || rate.get().compareTo(BigDecimal.valueOf(100)) > 0) {
            return Answer.missing(Kind.SAVINGS, "기간은 1개월에서 50년, 금리는 100% 이하로 알려 주세요. 예: " + example);
        }
        boolean compound = c.contains("복리");
        SavingsCalculator.Interest interest = compound ? SavingsCalculator.Interest.MONTHLY_COMPOUND
                : SavingsCalculator.Interest.SIMPLE;
        boolean taxFree = c.contains("비과세");
        SavingsCalculator.Result r = SavingsCalculator.calculate(new SavingsCalculator.Request(product, amount.get(),
                months.get(), rate.get(), interest, taxFree));
        String how = (compound ? "월복리" : "단리");
        StringBuilder reply = new StringBuilder();
        if (installment) {
            reply.append("월 ").append(Formats.won(amount.get())).append("씩 ").append(months.get()).append("개월, 연 ")
                    .append(Formats.percent(rate.get())).append(' ').append(how).append(" 적금의 만기 예상 금액이에요.\n")
                    .append("· 원금 합계: ");
        } else {
            reply.append(Formats.won(amount.get())).append("을 ").append(months.get()).append("개월 동안 연 ")
                    .append(Formats.percent(rate.get())).append(' ').append(how).append("로 예금했을 때 만기 예상 금액이에요.\n")
                    .append("· 원금: ");
        }
        reply.append(Formats.won(r.principal())).append('\n')
                .append("· 세전 이자: ").append(Formats.won(r.preTaxInterest())).append('\n');
        if (taxFree) {
            reply.append("· 비과세라 세금이 없어요\n");
        } else {
            reply.append("· 이자 과세(15.4%): ").append(Formats.won(r.tax().total())).append('\n')
                    .append("· 세후 이자: ").append(Formats.won(r.afterTaxInterest())).append('\n');
        }
        reply.append("· 만기 수령액: ").append(Formats.won(r.maturityAmount())).append('\n');
        reply.append(taxFree ? "" : "일반과세 기준이에요. ")
                .append("실제 금액은 상품의 이자 계산 방식에 따라 조금 다를 수 있어요.");
        if (!compound) {
            reply.append(" 월복리로 계산하려면 '월복리'를 넣어 다시 물어봐 주세요.");
        }
        return Answer.answered(Kind.SAVINGS, reply.toString());
    }

    // loan -----------------------------------------------------------------------------------

    static Answer loan(String text) {
        String c = compact(text);
        Optional<BigDecimal> amount = CalculatorRequests.wonAmount(text);
        Optional<Integer> months = CalculatorRequests.months(text);
        Optional<BigDecimal> rate = CalculatorRequests.annualRatePercent(text);
        List<String> missing = new ArrayList<>();
        if (amount.isEmpty()) {
            missing.add("대출 금액");
        }
        if (rate.isEmpty()) {
            missing.add("연 금리");
        }
        if (months.isEmpty()) {
            missing.add("기간");
        }
        String example = "'1억 대출 연 4.2% 30년 원리금균등 월 상환액'";
        if (!missing.isEmpty()) {
            return Answer.missing(Kind.LOAN, "대출 상환액을 계산해 드릴게요. " + Formats.object(String.join(", ", missing))
                    + " 알려 주세요. 예: " + example);
        }
        if (months.get() < 1 || months.get() > LoanCalculator.MAX_MONTHS
                || rate.get().compareTo(BigDecimal.valueOf(100)) > 0 || amount.get().compareTo(BigDecimal.ONE) < 0) {
            return Answer.missing(Kind.LOAN, "기간은 1개월에서 50년, 금리는 100% 이하로 알려 주세요. 예: " + example);
        }
        LoanCalculator.Method method;
        boolean chosen = true;
        if (c.contains("원금균등")) {
            method = LoanCalculator.Method.EQUAL_PRINCIPAL;
        } else if (c.contains("만기일시") || c.contains("일시상환")) {
            method = LoanCalculator.Method.BULLET;
        } else {
            method = LoanCalculator.Method.EQUAL_PAYMENT;
            chosen = c.contains("원리금");
        }
        LoanCalculator.Schedule s = LoanCalculator.schedule(new LoanCalculator.Request(amount.get(), rate.get(),
                months.get(), method));
        String term = months.get() % 12 == 0 ? months.get() / 12 + "년(" + months.get() + "개월)" : months.get() + "개월";
        String methodName = switch (method) {
            case EQUAL_PAYMENT -> "원리금균등";
            case EQUAL_PRINCIPAL -> "원금균등";
            case BULLET -> "만기일시";
        };
        StringBuilder reply = new StringBuilder();
        reply.append(Formats.won(s.request().principal())).append("을 연 ").append(Formats.percent(rate.get()))
                .append("로 ").append(term).append(" 동안 ").append(methodName).append(" 상환하면\n");
        LoanCalculator.Row first = s.first();
        LoanCalculator.Row last = s.last();
        switch (method) {
            case EQUAL_PAYMENT -> {
                reply.append("· 매달 상환액: ").append(Formats.won(first.payment())).append('\n');
                if (last.payment().compareTo(first.payment()) != 0 && s.rows().size() > 1) {
                    reply.append("· 마지막 달 상환액: ").append(Formats.won(last.payment())).append('\n');
                }
                reply.append("· 첫 달: 원금 ").append(Formats.won(first.principal())).append(" + 이자 ")
                        .append(Formats.won(first.interest())).append('\n');
            }
            case EQUAL_PRINCIPAL -> reply.append("· 첫 달 상환액: ").append(Formats.won(first.payment()))
                    .append(" (원금 ").append(Formats.won(first.principal())).append(" + 이자 ")
                    .append(Formats.won(first.interest())).append(")\n")
                    .append("· 마지막 달 상환액: ").append(Formats.won(last.payment())).append('\n');
            case BULLET -> reply.append("· 매달 이자: ").append(Formats.won(first.interest())).append('\n')
                    .append("· 마지막 달에 원금 ").append(Formats.won(s.request().principal())).append("을 함께 갚아요\n");
        }
        reply.append("· 총 이자: ").append(Formats.won(s.totalInterest())).append('\n')
                .append("· 총 상환액: ").append(Formats.won(s.totalPayment())).append('\n');
        if (!chosen) {
            reply.append("상환 방식을 말씀하지 않으셔서 원리금균등으로 계산했어요. '원금균등'이나 '만기일시'로도 계산해 드릴 수 있어요. ");
        }
        reply.append("실제 대출 조건(금리 변동, 거치 기간 등)에 따라 달라질 수 있어요.");
        return Answer.answered(Kind.LOAN, reply.toString());
    }

    // exchange -------------------------------------------------------------------------------

    static Answer exchange(String text, FxRates rates) {
        List<KoreanAmounts.Amount> amounts = KoreanAmounts.findAll(text).stream().filter(KoreanAmounts.Amount::explicit)
                .toList();
        List<String> mentioned = Currencies.mentioned(text);
        String asOf = rates.updatedAt() == null ? "" : KOREAN_DATE_TIME.format(
                rates.updatedAt().atZone(AgeCalculator.SEOUL)) + " 고시 환율 기준이에요. ";
        String caveat = asOf + "실제 거래할 때의 환율과 다를 수 있어요.";
        if (amounts.isEmpty()) {
            return rateTable(mentioned, rates, caveat);
        }
        KoreanAmounts.Amount amount = amounts.get(0);
        String from = amount.currency() == null ? Currencies.KRW : amount.currency();
        String to = Currencies.target(text).filter(code -> !code.equals(from))
                .or(() -> mentioned.stream().filter(code -> !code.equals(from)).findFirst())
                .orElse(Currencies.KRW.equals(from) ? null : Currencies.KRW);
        if (to == null) {
            return Answer.missing(Kind.EXCHANGE, Formats.won(amount.value()) + "을 어느 통화로 바꾸실지 알려 주세요. "
                    + "예: '50만원 엔화로', '100만원 달러로 얼마'");
        }
        for (String code : List.of(from, to)) {
            if (!Currencies.KRW.equals(code) && rates.of(code).isEmpty()) {
                return Answer.missing(Kind.EXCHANGE, Currencies.unitWord(code) + "(" + code + ") 환율은 아직 안내하지 않아요. "
                        + "미국 달러, 일본 엔, 유로, 중국 위안 등 주요 통화로 물어봐 주세요.");
            }
        }
        ExchangeCalculator.Conversion conversion = ExchangeCalculator.convert(rates, amount.value(), from, to).orElseThrow();
        StringBuilder reply = new StringBuilder();
        ExchangeCalculator.Quote base = conversion.base();
        reply.append(Formats.money(amount.value(), from)).append(hasFinalConsonant(from, amount.value()) ? "은 " : "는 ");
        if (base.rate() == null) {
            reply.append("두 통화의 매매기준율로 ").append(Formats.copula(Formats.money(base.result(), to))).append(".\n");
        } else {
            String foreign = Currencies.KRW.equals(from) ? to : from;
            reply.append("매매기준율(").append(unitLabel(foreign, base.unit())).append(" = ")
                    .append(Formats.rate(base.rate())).append(")로 ").append(Formats.copula(Formats.money(base.result(), to)))
                    .append(".\n");
            for (ExchangeCalculator.Quote quote : conversion.quotes().subList(1, conversion.quotes().size())) {
                reply.append("· ").append(quote.kind().label()).append('(').append(Formats.rate(quote.rate()))
                        .append("): ").append(Formats.money(quote.result(), to)).append('\n');
            }
        }
        reply.append(caveat);
        return Answer.answered(Kind.EXCHANGE, reply.toString());
    }

    private static Answer rateTable(List<String> mentioned, FxRates rates, String caveat) {
        List<String> foreign = mentioned.stream().filter(code -> !Currencies.KRW.equals(code)).toList();
        if (foreign.size() == 1) {
            String code = foreign.get(0);
            Optional<FxRate> found = rates.of(code);
            if (found.isEmpty()) {
                return Answer.missing(Kind.EXCHANGE, Currencies.unitWord(code) + "(" + code + ") 환율은 아직 안내하지 않아요. "
                        + "미국 달러, 일본 엔, 유로, 중국 위안 등 주요 통화로 물어봐 주세요.");
            }
            FxRate r = found.get();
            String reply = (r.name() == null ? code : r.name()) + " 환율이에요(" + unitLabel(code, r.unit()) + " 기준).\n"
                    + "· 매매기준율: " + Formats.rate(r.baseRate()) + '\n'
                    + "· 현찰 살 때: " + Formats.rate(r.cashBuy()) + '\n'
                    + "· 현찰 팔 때: " + Formats.rate(r.cashSell()) + '\n'
                    + "· 송금 보낼 때: " + Formats.rate(r.send()) + '\n'
                    + "· 송금 받을 때: " + Formats.rate(r.receive()) + '\n' + caveat;
            return Answer.answered(Kind.EXCHANGE, reply);
        }
        StringBuilder reply = new StringBuilder("주요 통화의 매매기준율이에요.\n");
        List<String> codes = foreign.isEmpty() ? List.of("USD", "JPY", "EUR", "CNY") : foreign;
        int listed = 0;
        for (String code : codes) {
            Optional<FxRate> r = rates.of(code);
            if (r.isPresent()) {
                reply.append("· ").append(unitLabel(code, r.get().unit())).append(": ")
                        .append(Formats.rate(r.get().baseRate())).append('\n');
                listed++;
            }
        }
        if (listed == 0) {
            return Answer.missing(Kind.EXCHANGE, "어느 통화의 환율이 궁금하신지 알려 주세요. 예: '달러 환율', '100달러 원화로 얼마'");
        }
        reply.append("금액을 알려 주시면 바꿔 드릴게요. 예: '100달러 원화로 얼마'\n").append(caveat);
        return Answer.answered(Kind.EXCHANGE, reply.toString());
    }

    /** "1달러", "100엔", "1유로". */
    private static String unitLabel(String code, int unit) {
        String word = Currencies.unitWord(code);
        return unit + (word.contains(" ") ? " " : "") + word;
    }

    private static boolean hasFinalConsonant(String currency, BigDecimal amount) {
        String shown = Formats.money(amount, currency);
        return Formats.hasFinalConsonant(shown);
    }

    // age ------------------------------------------------------------------------------------

    static Answer age(String text, LocalDate today) {
        AgeCalculator.BirthDate read = AgeCalculator.birthDate(text, today);
        if (read instanceof AgeCalculator.Invalid invalid) {
            return Answer.missing(Kind.AGE, "'" + invalid.written() + "'" + (Formats.hasFinalConsonant(invalid.written())
                    ? "은" : "는") + " 달력에 없는 날짜예요. 생년월일을 다시 확인해 주세요. "
                    + "예: '1990년 5월 3일생 만 나이'");
        }
        if (!(read instanceof AgeCalculator.Found found)) {
            return Answer.missing(Kind.AGE, "생년월일을 알려 주시면 만 나이를 계산해 드릴게요. 예: '1990년 5월 3일생 만 나이'");
        }
        LocalDate birth = found.date();
        if (birth.isAfter(today)) {
            return Answer.missing(Kind.AGE, "생년월일이 오늘(" + KOREAN_DATE.format(today) + ")보다 뒤예요. 다시 확인해 주세요.");
        }
        int age = AgeCalculator.age(birth, today);
        StringBuilder reply = new StringBuilder();
        reply.append(KOREAN_DATE.format(birth)).append("생은 오늘(").append(KOREAN_DATE.format(today))
                .append(") 기준 만 ").append(age).append("세예요.");
        if (birth.getMonthValue() == today.getMonthValue() && birth.getDayOfMonth() == today.getDayOfMonth()
                && !birth.equals(today)) {
            reply.append(" 오늘 생일이시네요. 축하드려요!");
        } else {
            AgeCalculator.nextBirthday(birth, today).ifPresent(next -> reply.append(" 다음 생일(")
                    .append(KOREAN_DATE.format(next)).append(")부터 만 ").append(age + 1).append("세가 돼요."));
        }
        return Answer.answered(Kind.AGE, reply.toString());
    }

    // cashback -------------------------------------------------------------------------------

    static Answer cashback(String text, CashbackMerchants merchants) {
        Optional<String> subject = CashbackLookup.subject(text, merchants);
        if (subject.isEmpty()) {
            return Answer.missing(Kind.CASHBACK, "캐시백 가맹점을 찾아 드릴게요. 가맹점 이름이나 업종을 알려 주세요. "
                    + "예: '스타 커피 캐시백 되나요?', '편의점 캐시백'");
        }
        CashbackLookup.Result result = CashbackLookup.lookup(merchants, subject.get());
        String query = subject.get();
        if (result.found().isEmpty()) {
            return Answer.answered(Kind.CASHBACK, Formats.topic(query) + " 지금 캐시백 가맹점 목록에 없어요. "
                    + "가맹점 이름이나 업종(예: 커피, 편의점, 배달)으로 다시 물어보셔도 돼요.");
        }
        if (!result.byCategory() && result.found().size() == 1) {
            CashbackMerchant m = result.found().get(0);
            return Answer.answered(Kind.CASHBACK, Formats.topic(m.name()) + " 캐시백 가맹점이에요. 체크카드로 결제하면 "
                    + Formats.percent(m.ratePercent()) + " 캐시백을 받아요" + (m.note() == null || m.note().isBlank()
                            ? "." : " (" + m.note() + ")."));
        }
        StringBuilder reply = new StringBuilder(result.byCategory() ? query + " 업종 캐시백 가맹점이에요.\n"
                : "'" + query + "'" + Formats.instrumental(query).substring(query.length()) + " 찾은 캐시백 가맹점이에요.\n");
        result.found().stream().limit(MAX_LISTED).forEach(m -> reply.append("· ").append(m.name()).append(' ')
                .append(Formats.percent(m.ratePercent()))
                .append(m.note() == null || m.note().isBlank() ? "" : " (" + m.note() + ")").append('\n'));
        if (result.found().size() > MAX_LISTED) {
            reply.append("· 외 ").append(result.found().size() - MAX_LISTED).append("곳\n");
        }
        reply.append("체크카드로 결제하면 결제 금액의 표시된 비율만큼 캐시백을 받아요.");
        return Answer.answered(Kind.CASHBACK, reply.toString());
    }
}
