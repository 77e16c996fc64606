package io.sori.blocklist.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Korean expressions the detector looks for, with the contexts in which their letters are
 * innocent. Entries are written as people spell them; the detector compares loose forms, so 씨발
 * also covers 시발, 씨빨, 싀발 and ㅆ발. Words that are ordinary banking Korean in some sentence (꺼져요
 * of an app that closes, 찾아가서 of a branch visit, 졸라서, 보지/자지 of 보다/자다) are left out on
 * purpose: a warning to an innocent customer costs more than a miss the agent can still report.
 */
final class Lexicon {

    /** What makes a found expression innocent, given the message and where the expression is. */
    interface Guard {
        boolean innocent(String original, KoreanText text, int start, int end);
    }

    /**
     * @param abbreviable      its initials alone also count (ㅅㅂ, ㅂㅅ, ㅈㄴ)
     * @param abbreviationOnly only its initials count (ㅁㅊ: the word 미친 itself is too common)
     * @param innocentAfter    syllables that, written right before it in the same word, make it another
     *                         word (다시발급, 표시바꿔: 다시 and 표시 end in 시)
     * @param particleStart    it starts with a particle (이랑 자고 싶다), so it may begin inside a word
     */
    record Entry(String term, Category category, String loose, boolean abbreviable, boolean abbreviationOnly,
            String innocentAfter, Guard guard, boolean particleStart) {
    }

    /** Words that contain an expression's letters but are something else (시발점, 수박씨 발라 먹기). */
    static final List<Pattern> INNOCENT_WORDS = compileLoose(
            "시발(점|역|택시|자동차)",
            "시발라",                       // 씨 발라 (먹기): peeling off seeds
            "시바(견|이누|犬)",              // the Shiba dog
            "십팔(번|일|세|살|시|분|초|만|천|억|원|년|개|명|층|호|회|주|평|도|차|위|등|점|기|대|장|권|학|프로|퍼센트|km|kg|cm)",
            "새끼(손가락|발가락|줄)",
            "등신(대|불)",
            "(맛|경치|분위기|뷰|노래|목소리|음식|국물)이?죽인다",
            "미친(듯|척)");

    /** 시-words that end where a curse starting with 시 would begin: 다시, 표시, 혹시, 잠시, 즉시, 반드시, … */
    private static final String SI_WORDS = "다표혹역잠즉동당고교지제무실감도드일수임응착호요연전장축필가";

    private static final Pattern YEAR_CONTEXT = Pattern.compile(
            "(19|20)\\d{2}|새해|설날|갑자|간지|띠|丙申|년도|육십|을미년|정유년|해가 밝");
    private static final Pattern PET_CONTEXT = Pattern.compile(
            "강아지|분양|낳|키우|반려|품종|동물|젖|산책|사료|견종|애견|멍멍|개가|개를|개는");
    private static final Pattern COUNT_BEFORE = Pattern.compile("[0-9일이삼사오육칠팔구십몇]\\s*$");

    /** 병신년 (丙申年, 2016) in a sentence about years is a year, not an insult. */
    private static final Guard YEAR_NAME = (original, text, start, end) ->
            end < text.units().size() && text.units().get(end).c() == '년'
                    && YEAR_CONTEXT.matcher(original).find();

    /** 개 새끼 written apart about a dog (분양, 낳았어요) is a puppy; joined, or with no dog in sight, an insult. */
    private static final Guard PUPPY = (original, text, start, end) ->
            start + 1 < end && text.units().get(start + 1).boundaryBefore() && PET_CONTEXT.matcher(original).find();

    /** Words that begin with 발 (발생, 발송, 발급): after 시 (時, "when") written apart, "이체 시 발송되는". */
    private static final Pattern BAL_WORD = Pattern.compile(Hangul.loose(
            "[생송급표행견령효전신주부매동언각사목음휘달탁병명상]|가락|바닥"));

    /** 이체 시 발생: 시 on its own is "when", and 발생 one word. */
    private static final Guard WHEN = (original, text, start, end) -> {
        var units = text.units();
        boolean apart = end - start >= 2 && units.get(start + 1).boundaryBefore();
        return apart && end < units.size() && !units.get(end).boundaryBefore()
                && BAL_WORD.matcher(String.valueOf(units.get(end).c())).matches();
    };

    /** 시바 on a walk, fed or adopted is the dog. */
    private static final Guard SHIBA = (original, text, start, end) -> PET_CONTEXT.matcher(original).find();

    /** 3개년 계획: a number of years. */
    private static final Guard YEARS_COUNT = (original, text, start, end) ->
            COUNT_BEFORE.matcher(original.substring(0, text.units().get(start).from())).find();

    static final List<Entry> ENTRIES = new ArrayList<>();

    static {
        // 씨발 and its spellings
        for (String w : List.of("씨발", "씨벌", "쓰발", "쓰벌", "씨팔", "씨부랄", "씨부럴", "씨불", "씹할", "씨부리",
                "싯팔", "씨댕", "씨바알", "시방새")) {
            add(w, Category.PROFANITY, true, false, SI_WORDS, WHEN);
        }
        add("씨바", Category.PROFANITY, true, false, SI_WORDS, SHIBA);
        add("십팔", Category.PROFANITY, false, false, "", null);
        profane(true, "븅신", "빙신", "벙신", "병시나", "븅딱");
        add("병신", Category.PROFANITY, true, false, "", YEAR_NAME);
        for (String w : List.of("개새끼", "개색기", "개색히", "개섀끼", "개새꺄", "개쌔끼", "개새기")) {
            add(w, Category.PROFANITY, true, false, "", PUPPY);
        }
        for (String w : List.of("개같은", "개같이", "개소리", "개지랄", "개놈", "개수작")) {
            add(w, Category.PROFANITY, false, false, "", PUPPY);
        }
        add("개년", Category.PROFANITY, false, false, "", YEARS_COUNT);
        profane(true, "씹새끼", "씹색기", "존나", "존내", "존니", "지랄", "지럴", "닥쳐");
        profane(false, "이새끼", "저새끼", "그새끼", "니새끼", "너새끼", "느그새끼", "새끼들아", "좆", "좃", "좆같", "좆까",
                "미친놈", "미친년", "미친새끼", "미쳤냐", "미친것들", "엠창", "느금마", "니애미", "니애비", "니미럴", "애미없",
                "애비없", "후레자식", "호로자식", "호로새끼", "썅", "쌍놈", "쌍년", "염병", "육시랄", "빡대가리", "돌대가리",
                "등신", "또라이", "멍청이", "찐따", "걸레년", "뒤질래", "뒈져", "디져라", "뒤지고싶", "꺼져라", "닥치라",
                "병맛", "쓰레기같은", "대가리깨");
        add("미친", Category.PROFANITY, true, true, "", null);

        // threats: harm to the agent, their family or the branch
        for (String w : List.of("죽여버리", "죽여버릴", "죽여버린", "죽여줄까", "죽인다", "죽일거", "죽일꺼", "죽일테니",
                "쳐죽", "패죽", "때려죽", "칼로찌", "칼로쑤", "칼들고", "칼가지고", "불질러", "불을질러", "불지른다",
                "불지를", "폭파", "가만안둬", "가만안둔", "가만두지않", "가만안놔", "밤길조심", "두고보자", "목을따",
                "니네집찾", "너네집찾", "집주소안다", "집주소알아", "찾아가서죽", "찾아가서패", "찾아가서가만",
                "묻어버린", "묻어버릴", "매장시켜", "신상털", "얼굴알아")) {
            add(w, Category.THREAT, false, false, "", null);
        }

        // sexual harassment of the agent
        for (String w : List.of("섹스", "섹시", "야한", "야동", "가슴만지", "가슴크", "가슴사이즈", "몸매좋", "몸매가좋",
                "엉덩이만지", "같이자자", "같이잘래", "모텔가자", "모텔갈래", "벗어봐", "알몸",
                "성관계", "빨아줘", "만져줘", "만지고싶", "사귀자", "사귈래", "속옷색", "팬티", "브라색")) {
            add(w, Category.SEXUAL_HARASSMENT, false, false, "", null);
        }
        for (String w : List.of("랑자고싶", "하고자고싶", "랑자자", "랑잘래")) {
            ENTRIES.add(new Entry(w, Category.SEXUAL_HARASSMENT, Hangul.loose(w), false, false, "", null, true));
        }
    }

    /** Romanised and English abuse, whole words: "sibal", "fuck". */
    static final Pattern LATIN = Pattern.compile(
            "(?<![a-z])(s+h?i+b+a+l+|c+i+b+a+l+|byu?e?o?ngsin|gaesae?kk?i|jonna|f+u+c+k+\\w*|f[*x]{1,2}c?k\\w*|fck|shit\\w*"
                    + "|bitch\\w*|asshole|bastard|motherf\\w*)(?![a-z])");

    /** 18 (씨팔) and 10새 (씹새) as digits, not as a count of something. */
    static final Pattern DIGITS = Pattern.compile(
            "(?<![0-9.,])(18(?![0-9.,:%]|\\s*(번|일|세|살|시|분|초|만|천|억|원|개|명|층|호|회|주|평|도|차|위|등|점|기|대|장|권|학|개월|km|kg|cm|mm|g|년(?!아|들)))"
                    + "|10새)");

    private Lexicon() {
    }

    private static void profane(boolean abbreviable, String... words) {
        for (String w : words) {
            add(w, Category.PROFANITY, abbreviable, false, "", null);
        }
    }

    private static void add(String term, Category category, boolean abbreviable, boolean abbreviationOnly,
            String innocentAfter, Guard guard) {
        ENTRIES.add(new Entry(term, category, Hangul.loose(term), abbreviable, abbreviationOnly,
                Hangul.loose(innocentAfter), guard, false));
    }

    private static List<Pattern> compileLoose(String... patterns) {
        return java.util.Arrays.stream(patterns).map(p -> Pattern.compile(Hangul.loose(p))).toList();
    }
}
