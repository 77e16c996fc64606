package io.sori.kb.search;

import io.sori.kb.article.Audience;
import io.sori.kb.article.SeedArticles;
import io.sori.kb.article.SeedArticles.SeedArticle;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Search latency over a large knowledge base: builds an index of generated but realistic Korean
 * articles (the starter articles recombined: their paragraphs, products, amounts and dates),
 * warms up, then runs Korean questions and prints latency percentiles and throughput — for
 * plain searches (the agents' KMS search) and for answers (which also measure coverage).
 *
 * <pre>
 * ./mvnw -q -pl kb-service -am package -DskipTests
 * java -cp kb-service/target/kb-service.jar -Dloader.main=io.sori.kb.search.SearchBenchmark \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--articles N] [--queries N] [--warmup N] [--threads N]
 * </pre>
 *
 * Deterministic: the same arguments build the same articles and ask the same questions.
 */
public final class SearchBenchmark {

    private static final List<String> QUESTIONS = List.of(
            "이체한도", "이체 한도", "이체한도를 올리고 싶어요", "송금 한도 늘리는 법", "카드를 잃어버렸어요", "체크카드 분실",
            "카드 도둑맞았어요", "해외여행 중에 카드 분실", "보이스피싱 당했어요", "전화금융사기 신고", "보이스 피싱 피해",
            "사기꾼한테 돈을 보냈어요", "모임통장 만들기", "모임 통장 만드는 방법", "회비 안 낸 사람 알림", "전세대출 필요서류",
            "전월세보증금대출 신청", "전세자금대출 연장", "해외송금 수수료", "외국으로 돈 보내는 방법", "엔화 환전",
            "휴대폰을 잃어버려서 로그인이 안돼요", "핸드폰 분실 로그인", "신분증 인증 실패", "비번 까먹었어요", "주식계좌 개설",
            "증권 계좌 만들기", "후불교통카드 신청", "교통카드 후불 요금 언제 빠져나가요", "캐시백 가맹점", "캐시백이 안 들어왔어요",
            "카드 한도 조회", "대출 한도 조회하면 신용점수 떨어지나요", "한도제한계좌 해제", "돈을 잘못 보냈어요",
            "계좌가 지급정지 됐어요", "택배 문자 링크 눌렀어요", "등록금 내야 하는데 이체한도 초과", "잔액증명서 발급",
            "민원 처리 기간", "상담원 연결 시간", "보이스피싱 접수 절차", "본인 명의 휴대폰 분실 고객", "욕하는 고객 상담 종료",
            "해외송금 미도착", "전세대출 심사 진행 상황", "명의도용 신고", "이체한도 상향 문진", "카드 분실 신고 접수",
            "카드 잃어버렸는데 어떡해요", "적금 중도해지하면 이자 어떻게 돼요", "예금자보호 되나요", "앱이 자꾸 꺼져요",
            "오늘 점심 메뉴 추천해줘", "비트코인 사는 방법 알려주세요", "주식 양도소득세 신고는 어떻게 하나요",
            "자동차 보험 가입하고 싶어요", "연말정산 의료비 공제", "국민연금 수령 나이",
            "등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요 어떻게 해야 하나요",
            "어제 저녁에 모르는 번호로 검찰이라고 전화가 와서 안전계좌로 돈을 옮기라고 해서 보냈는데 사기 같아요");

    private static final List<String> PRODUCTS = List.of("소리 체크카드", "소리 입출금통장", "소리 모임통장", "소리 적금",
            "소리 비상금대출", "소리 전월세보증금대출", "소리 해외송금", "소리 외화통장", "소리 후불교통", "소리 캐시백");
    private static final List<String> NOTES = List.of(
            "%d년 %d월 %d일부터 변경된 기준이 적용돼요.", "이 안내는 %d년 %d월 %d일 기준이에요.",
            "한도는 1일 최대 %d만원이며 %d영업일 안에 처리돼요.", "%d월 %d일 시스템 점검 중에는 일부 기능이 %d시간 동안 제한돼요.",
            "수수료는 건당 %d원이고 월 %d회까지 면제돼요.", "상담 연결은 평균 %d분, 최대 %d분이 걸려요.");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = 10_000;
        int queries = 5_000;
        int warmup = 3_000;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: SearchBenchmark [--articles N] [--queries N] [--warmup N] [--threads N]");
                    System.exit(2);
                }
            }
        }
        printMachine();
        ArticleIndex index = new ArticleIndex(KoreanAnalysis.standard());
        List<IndexedArticle> generated = generate(articles, new Random(42));
        long buildStart = System.nanoTime();
        index.rebuild(generated);
        long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "index: %d articles (%d searchable) built in %d ms; heap in use %d MiB%n",
                articles, index.size(), buildMillis, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));

        List<String> asked = questions(queries + warmup, new Random(7));
        for (boolean answers : new boolean[] {false, true}) {
            String kind = answers ? "answers (PUBLIC_FAQ, with coverage)" : "searches (10 hits, highlighted)";
            run(index, asked.subList(0, warmup), answers, threads); // warm-up, not measured
            long[] nanos = new long[queries];
            long start = System.nanoTime();
            run(index, asked.subList(warmup, warmup + queries), answers, threads, nanos);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT,
                    "%-36s %d questions, %d thread(s): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f/s%n",
                    kind, queries, threads, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, queries / seconds);
        }
        index.close();
    }

    private static void run(ArticleIndex index, List<String> questions, boolean answers, int threads) throws Exception {
        run(index, questions, answers, threads, new long[questions.size()]);
    }

    private static void run(ArticleIndex index, List<String> questions, boolean answers, int threads, long[] nanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < questions.size(); i += threads) {
                        SearchQuery query = answers
                                ? new SearchQuery(questions.get(i), Audience.PUBLIC_FAQ, null, null, 4, true)
                                : new SearchQuery(questions.get(i), null, null, null, 10, false);
                        long start = System.nanoTime();
                        index.search(query);
                        nanos[i] = System.nanoTime() - start;
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Articles recombined from the starter ones: a product, paragraphs of its own and a sibling, notes with numbers. */
    static List<IndexedArticle> generate(int count, Random random) {
        List<SeedArticle> seeds = SeedArticles.load();
        List<IndexedArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SeedArticle seed = seeds.get(i % seeds.size());
            SeedArticle sibling = seeds.get(random.nextInt(seeds.size()));
            String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            List<String> paragraphs = new ArrayList<>(List.of(seed.body().split("\n\n")));
            Collections.shuffle(paragraphs, random);
            List<String> borrowed = List.of(sibling.body().split("\n\n"));
            StringBuilder body = new StringBuilder();
            body.append(String.join("\n\n", paragraphs.subList(0, Math.max(1, paragraphs.size() - random.nextInt(2)))));
            body.append("\n\n").append(borrowed.get(random.nextInt(borrowed.size())));
            body.append("\n\n").append(product).append(" 이용 고객 안내: ")
                    .append(NOTES.get(random.nextInt(NOTES.size())).formatted(2020 + random.nextInt(7),
                            1 + random.nextInt(12), 1 + random.nextInt(28)));
            String title = i < seeds.size() ? seed.title() : "[" + product + "] " + seed.title();
            articles.add(new IndexedArticle("bench-" + i, 1, true, 1, seed.audience(), seed.category(), title,
                    body.toString(), seed.tags(), seed.synonyms()));
        }
        return articles;
    }

    private static List<String> questions(int count, Random random) {
        List<String> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            questions.add(QUESTIONS.get(random.nextInt(QUESTIONS.size())));
        }
        return questions;
    }

    private static double ms(long[] sorted, double quantile) {
        int at = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    private static void printMachine() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s), max heap %d MiB, JVM flags %s%n",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
