package io.sori.platform.intent;

import io.sori.events.Category;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words that tell what a contact is about and how urgent it is, and how they are weighed.
 *
 * <p>All words are compared after {@link TextNormalizer normalisation}: whitespace is removed, so
 * "이체 한도를" contains "이체한도", and Korean particles need no rules of their own because
 * a keyword is a substring ("카드를" contains "카드").
 *
 * <p>A category is decided by the strongest kind of evidence found, and among categories with
 * the same kind of evidence by the order of {@link #categories()} (precedence):
 * <ol>
 *   <li>a live urgency signal that implies a category ({@link CategoryRule#impliedBy()}): voice
 *       phishing without the word 사기 is still fraud;</li>
 *   <li>an {@link Anchor}, in the order of {@link #anchors()}: a shared word such as 분실 or 한도
 *       is about whatever {@link Qualifier} word stands nearest to it, so "휴대폰 분실했는데 카드
 *       앱이…" is a lost phone, not a lost card, and "카드 한도" is a limit inquiry while "이체
 *       한도" is a transfer limit;</li>
 *   <li>a plain keyword of a category rule.</li>
 * </ol>
 *
 * <p>Three phrase lists refine single words ({@link Phrases}): an <em>ignored</em> phrase hides
 * the keywords inside it ("이사 기간" does not contain 사기; "잃어버린 게 아니라" is no loss); a
 * <em>settled</em> phrase keeps the topic but raises no alarm ("분실신고 해제" is about a lost
 * card, but asks to lift a stop, so no new stop); <em>informational</em> and <em>trouble</em>
 * phrases tell a plain question from a problem.
 */
public record KeywordRules(List<CategoryRule> categories, Map<UrgencySignal, List<String>> signals,
        Map<UrgencySignal, List<Pattern>> signalPatterns, List<Anchor> anchors, Phrases phrases,
        List<Pattern> complaints) {

    private static final String SENTENCE_BREAKS = ".?!;。";

    /**
     * Right after an urgency word, the words that deny it: "해킹 당한건 아닌데", "분실한 게 아니라",
     * "잃어버리지 않았어요", "사기 안 당했어요". A clause ending (서, 고, 는데, 니까, 며, 요, 다) stops
     * the look, so "분실해서 없어요" stays a loss; a doubting 아닌가/아닐까 is no denial.
     */
    private static final Pattern DENIED = Pattern.compile("^(?:[은는을를이가도]?안(?:당|했|됐|잃|털|속|넘어)"
            + "|[가-힣&&[^서고데니며요다면]]{0,6}?(?:아니(?![가까냐죠])|아닌(?![가지듯])|아냐|아녜|않았|않은|않고|않아|않습|없었|없어요|없습|없고))");

    /**
     * Right after an urgency word, a condition, a worry or a prevention topic: "분실하면",
     * "해킹당했을 때", "카드 분실 시", "당할까 봐", "보이스피싱 예방", "사기 수법".
     */
    private static final Pattern SUPPOSED = Pattern.compile("^(?:[가-힣&&[^서고데니며요다]]{0,7}?"
            + "(?:면(?![허접제책세역담])|ㄹ때|할때|될때|을때|경우|할까|될까|당할까|까봐|까바|지않게|지않도록|지않으려|않도록|않게"
            + "|대비|예방|방지|조심|주의|수법|유형|사례|이란|란뭐|뜻|교육|안내문|구별|구분|판별)|시(?![켜켰킨킬간작장])(?:에|엔)?)");

    /**
     * Right after a topic word, a denial of that very topic ("사기는 아니고", "해킹 당한건 아닌데"):
     * narrower than {@link #DENIED}, because "입금이 안 됐어요" is a problem with the topic, not a denial.
     */
    private static final Pattern TOPIC_DENIED = Pattern.compile(
            "^(?:(?:[은는이가도]|당한건|당한게|당한거|된건|된게|된거|한건|한게|한거)?(?:아니(?![가까냐죠])|아닌(?![가지듯])|아냐)"
                    + "|[은는이가도]?안(?:당했|당한))");

    /** Between two things named in a list: "카드랑 폰", "지갑이나 카드", "폰, 카드". */
    private static final Pattern LISTED = Pattern.compile("(?:랑|이랑|와|과|하고|및|,|이나|나|도|또는)");

    /** Before an urgency word in the same sentence: "만약", "만일", "나중에 혹시". */
    private static final Pattern SUPPOSED_BEFORE = Pattern.compile("(?:만약|만일|혹시라도|혹시나|나중에|미리)");

    /** Anywhere in the sentence: the customer prepares ("미리 알아두려고요", "대비해서") rather than reports. */
    private static final Pattern PREPARING = Pattern.compile("미리|알아두|알아둘|알아놓|대비|예방|방지하|방지를|방지서비스");

    /** Right after an urgency word, an incident that has happened ("당했", "됐어요"): a report, whatever else is said. */
    private static final Pattern HAPPENED = Pattern.compile("^[가-힣&&[^서고데니며요다면]]{0,3}?(?:당했|당한|됐|됬|되었|했어|했는|했다|했습|났|었|았|였)(?!으면|다면|을때)");

    /** A category's own keywords, and the urgency signals that imply it whatever else is said. */
    public record CategoryRule(Category category, Set<UrgencySignal> impliedBy, List<String> keywords) {
        public CategoryRule {
            Objects.requireNonNull(category, "category");
            impliedBy = impliedBy == null || impliedBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(impliedBy));
            keywords = normalizeAll(keywords);
        }
    }

    /**
     * A word whose meaning depends on what stands next to it. Each occurrence of one of
     * {@code words} is about the category of the nearest qualifier word within {@code window}
     * characters (normalised, not crossing a sentence end); on a tie the word before wins (Korean
     * puts the noun before: "카드 분실"), then the longer word ("전세대출" over "대출").
     */
    public record Anchor(String name, List<String> words, List<Qualifier> qualifiers, int window) {
        public Anchor {
            Objects.requireNonNull(name, "name");
            words = normalizeAll(words);
            qualifiers = List.copyOf(qualifiers);
            if (window < 0) {
                throw new IllegalArgumentException("window must not be negative: " + window);
            }
        }
    }

    /** Words that, next to an anchor, say the anchor is about {@code category}. */
    public record Qualifier(Category category, List<String> words) {
        public Qualifier {
            Objects.requireNonNull(category, "category");
            words = normalizeAll(words);
        }
    }

    /** Phrases that refine single keywords; see the class comment. */
    public record Phrases(List<String> ignored, List<String> settled, List<String> informational,
            List<String> trouble) {
        public Phrases {
            ignored = normalizeAll(ignored);
            settled = normalizeAll(settled);
            informational = normalizeAll(informational);
            trouble = normalizeAll(trouble);
        }

        public static Phrases none() {
            return new Phrases(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** Rules made of words only: no patterns, no complaint reading. */
    public KeywordRules(List<CategoryRule> categories, Map<UrgencySignal, List<String>> signals, List<Anchor> anchors,
            Phrases phrases) {
        this(categories, signals, Map.of(), anchors, phrases, List.of());
    }

    public KeywordRules {
        categories = List.copyOf(categories);
        Set<Category> seen = EnumSet.noneOf(Category.class);
        for (CategoryRule rule : categories) {
            if (!seen.add(rule.category())) {
                throw new IllegalArgumentException("category listed twice: " + rule.category());
            }
        }
        EnumMap<UrgencySignal, List<String>> copy = new EnumMap<>(UrgencySignal.class);
        signals.forEach((signal, words) -> copy.put(signal, normalizeAll(words)));
        if (!copy.getOrDefault(UrgencySignal.DEADLINE, List.of()).isEmpty()) {
            throw new IllegalArgumentException("DEADLINE is raised by the deadline extractor, not by keywords");
        }
        signals = Map.copyOf(copy);
        EnumMap<UrgencySignal, List<Pattern>> patternCopy = new EnumMap<>(UrgencySignal.class);
        (signalPatterns == null ? Map.<UrgencySignal, List<Pattern>>of() : signalPatterns)
                .forEach((signal, patterns) -> patternCopy.put(signal, List.copyOf(patterns)));
        if (!patternCopy.getOrDefault(UrgencySignal.DEADLINE, List.of()).isEmpty()) {
            throw new IllegalArgumentException("DEADLINE is raised by the deadline extractor, not by patterns");
        }
        signalPatterns = Map.copyOf(patternCopy);
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
        anchors = List.copyOf(anchors);
        for (Anchor anchor : anchors) {
            for (Qualifier qualifier : anchor.qualifiers()) {
                if (!seen.contains(qualifier.category())) {
                    throw new IllegalArgumentException("anchor " + anchor.name() + " qualifies "
                            + qualifier.category() + ", which has no category rule to give it a precedence");
                }
            }
        }
        phrases = phrases == null ? Phrases.none() : phrases;
    }

    /** Sori's rules for Korean banking contacts. */
    public static KeywordRules defaults() {
        return DefaultKeywords.rules();
    }

    /** What one text says, by these rules. */
    Evidence analyse(String text) {
        return new Analysis(TextNormalizer.normalizeTracking(text)).run();
    }

    /** A keyword found in the normalised text, at [start, end). */
    record Hit(String word, int start, int end) {
        boolean within(Hit outer) {
            return outer.start <= start && end <= outer.end;
        }

        boolean overlaps(Hit other) {
            return start < other.end && other.start < end;
        }
    }

    /** Rules with more words of their own per category (same precedence): a bank's additions. */
    public KeywordRules withExtraKeywords(Map<Category, List<String>> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<CategoryRule> more = categories.stream().map(rule -> {
            List<String> added = extra.getOrDefault(rule.category(), List.of());
            if (added.isEmpty()) {
                return rule;
            }
            List<String> keywords = new ArrayList<>(rule.keywords());
            keywords.addAll(added);
            return new CategoryRule(rule.category(), rule.impliedBy(), keywords);
        }).toList();
        return new KeywordRules(more, signals, signalPatterns, anchors, phrases, complaints);
    }

    /**
     * A loss or theft word, whether it still raises an alarm, what it is about (null: not said)
     * and the word that said so ("카드", "휴대폰", "신분증"; null when not said).
     */
    record LossMention(Hit hit, boolean live, Category about, String object, Set<Category> alsoBefore) {
    }

    /**
     * The result of reading one text: the category the words point to (null when none),
     * the live signals, each loss or theft mention, the words that decided it (as the customer
     * wrote them, in text order), whether it reads as a plain question, and whether the customer
     * files a formal complaint (민원) in it.
     */
    record Evidence(Category category, Set<UrgencySignal> signals, List<LossMention> losses, List<String> why,
            boolean informational, boolean formalComplaint) {

        boolean has(UrgencySignal signal) {
            return signals.contains(signal);
        }
    }

    private record Claim(Anchor anchor, Hit anchorHit, Category category, Hit qualifierHit) {
    }

    private record Candidate(Category category, Hit hit) {
    }

    /** One pass over one text. */
    private final class Analysis {

        private final TextNormalizer.Normalized normalized;
        private final String text;
        private final List<Hit> ignored;
        private final List<Hit> settled;

        Analysis(TextNormalizer.Normalized normalized) {
            this.normalized = normalized;
            this.text = normalized.text();
            this.ignored = find(phrases.ignored(), List.of());
            this.settled = find(phrases.settled(), List.of());
        }

        Evidence run() {
            EnumSet<UrgencySignal> live = EnumSet.noneOf(UrgencySignal.class);
            List<Hit> liveSignalHits = new ArrayList<>();
            Map<UrgencySignal, List<Hit>> signalHits = new EnumMap<>(UrgencySignal.class);
            for (UrgencySignal signal : UrgencySignal.values()) {
                List<Hit> hits = new ArrayList<>(find(signals.getOrDefault(signal, List.of()), ignored));
                hits.addAll(match(signalPatterns.getOrDefault(signal, List.of())));
                hits.sort(Comparator.comparingInt(Hit::start));
                signalHits.put(signal, hits);
                hits.stream().filter(this::isLive).forEach(hit -> {
                    live.add(signal);
                    liveSignalHits.add(hit);
                });
            }

            List<Claim> claims = anchors.stream().flatMap(anchor -> claims(anchor).stream()).toList();
            List<Hit> decisive = new ArrayList<>();
            Category category = decide(live, signalHits, claims, decisive);

            List<LossMention> losses = Stream.of(UrgencySignal.LOSS, UrgencySignal.THEFT)
                    .flatMap(signal -> signalHits.getOrDefault(signal, List.of()).stream())
                    .sorted(Comparator.comparingInt(Hit::start))
                    .map(hit -> about(hit, claims)
                            .map(claim -> new LossMention(hit, isLive(hit), claim.category(), claim.qualifierHit().word(),
                                    namedBefore(hit)))
                            .orElseGet(() -> new LossMention(hit, isLive(hit), null, null, namedBefore(hit))))
                    .toList();

            boolean informational = live.isEmpty() && !find(phrases.informational(), ignored).isEmpty()
                    && find(phrases.trouble(), ignored).isEmpty();

            List<Hit> why = new ArrayList<>(liveSignalHits);
            why.addAll(decisive);
            why.sort(Comparator.comparingInt(Hit::start));
            LinkedHashSet<String> words = new LinkedHashSet<>();
            why.stream()
                    .filter(hit -> why.stream().noneMatch(other -> other != hit && hit.within(other)
                            && other.word().length() > hit.word().length()))
                    .forEach(hit -> words.add(normalized.original(hit.start(), hit.end())));
            boolean complaint = match(complaints).stream().anyMatch(this::filesComplaint);
            return new Evidence(category, Collections.unmodifiableSet(live), losses, List.copyOf(words),
                    informational, complaint);
        }

        /** A complaint phrase that is said, not denied, supposed or asked about ("민원 넣으면 얼마나 걸려요?"). */
        private boolean filesComplaint(Hit hit) {
            String tail = tail(hit);
            return !DENIED.matcher(tail).find() && !SUPPOSED.matcher(tail).find()
                    && !tail.matches("^[가-힣&&[^서고데니며요다]]{0,6}?(?:방법|어떻게|어디|절차|하는법|하는곳|가능|되나|있나|뭐|어떡).*");
        }

        private Category decide(Set<UrgencySignal> live, Map<UrgencySignal, List<Hit>> signalHits, List<Claim> claims,
                List<Hit> decisive) {
            for (CategoryRule rule : categories) {
                Set<UrgencySignal> implying = EnumSet.noneOf(UrgencySignal.class);
                rule.impliedBy().stream().filter(live::contains).forEach(implying::add);
                if (!implying.isEmpty()) {
                    implying.forEach(signal -> signalHits.get(signal).stream().filter(this::isLive)
                            .forEach(decisive::add));
                    return rule.category();
                }
            }
            for (Anchor anchor : anchors) {
                List<Claim> ofAnchor = claims.stream().filter(claim -> claim.anchor() == anchor).toList();
                for (CategoryRule rule : categories) {
                    List<Claim> won = ofAnchor.stream().filter(claim -> claim.category() == rule.category()).toList();
                    if (!won.isEmpty()) {
                        won.forEach(claim -> {
                            decisive.add(claim.qualifierHit());
                            decisive.add(claim.anchorHit());
                        });
                        return rule.category();
                    }
                }
            }
            for (CategoryRule rule : categories) {
                List<Hit> hits = find(rule.keywords(), ignored).stream().filter(hit -> !isDenied(hit)).toList();
                if (!hits.isEmpty()) {
                    decisive.addAll(hits);
                    return rule.category();
                }
            }
            return null;
        }

        /** For each occurrence of the anchor, the nearest qualifier (if any within the window). */
        private List<Claim> claims(Anchor anchor) {
            List<Candidate> candidates = new ArrayList<>();
            for (Qualifier qualifier : anchor.qualifiers()) {
                find(qualifier.words(), ignored).forEach(hit -> candidates.add(new Candidate(qualifier.category(), hit)));
            }
            List<Claim> claims = new ArrayList<>();
            for (Hit anchorHit : withoutOverlaps(find(anchor.words(), ignored))) {
                candidates.stream()
                        .filter(candidate -> !candidate.hit().overlaps(anchorHit) || candidate.hit().within(anchorHit))
                        .filter(candidate -> gap(candidate.hit(), anchorHit) <= anchor.window())
                        .filter(candidate -> !crossesSentence(candidate.hit(), anchorHit))
                        .min(Comparator.<Candidate>comparingInt(candidate -> gap(candidate.hit(), anchorHit))
                                .thenComparing(candidate -> candidate.hit().end() > anchorHit.start())
                                .thenComparing(candidate -> -candidate.hit().word().length())
                                .thenComparingInt(candidate -> precedence(candidate.category())))
                        .ifPresent(best -> claims.add(new Claim(anchor, anchorHit, best.category(), best.hit())));
            }
            return claims;
        }

        /**
         * Every category a loss word's anchor qualifies from before it, in its window and sentence:
         * "카드랑 폰을 다 잃어버렸어요" lost a card as well as a phone.
         */
        private Set<Category> namedBefore(Hit lossHit) {
            Set<Category> named = EnumSet.noneOf(Category.class);
            for (Anchor anchor : anchors) {
                if (anchor.words().stream().noneMatch(lossHit.word()::equals)) {
                    continue;
                }
                List<Candidate> before = new ArrayList<>();
                for (Qualifier qualifier : anchor.qualifiers()) {
                    find(qualifier.words(), ignored).stream()
                            .filter(q -> q.end() <= lossHit.start() && lossHit.start() - q.end() <= anchor.window())
                            .filter(q -> !crossesSentence(q, lossHit))
                            .forEach(q -> before.add(new Candidate(qualifier.category(), q)));
                }
                before.sort(Comparator.comparingInt((Candidate c) -> c.hit().end()).reversed());
                // the nearest thing named, and whatever is listed with it ("카드랑 폰", "지갑이나 카드")
                Hit next = null;
                for (Candidate candidate : before) {
                    if (next != null && (candidate.hit().end() > next.start()
                            || !LISTED.matcher(text.substring(candidate.hit().end(), next.start())).matches())) {
                        continue;
                    }
                    named.add(candidate.category());
                    next = candidate.hit();
                }
            }
            return named;
        }

        private Optional<Claim> about(Hit lossHit, List<Claim> claims) {
            return claims.stream()
                    .filter(claim -> claim.anchorHit().overlaps(lossHit))
                    .findFirst();
        }

        /**
         * Whether an urgency word reports something: not inside a settled phrase ("분실신고 해제"),
         * not denied ("해킹 당한건 아닌데"), not supposed ("분실하면", "만약 해킹당하면"), and not
         * in a sentence where the customer prepares ("미리 알아두려고요", "예방") unless the
         * word itself says it happened ("보이스피싱 당했는데 예방 서비스는…").
         */
        private boolean isLive(Hit hit) {
            if (settled.stream().anyMatch(hit::within)) {
                return false;
            }
            String tail = tail(hit);
            if (DENIED.matcher(tail).find() || SUPPOSED.matcher(tail).find()) {
                return false;
            }
            String sentence = sentenceOf(hit);
            String before = text.substring(sentenceStart(hit.start()), hit.start());
            boolean happened = HAPPENED.matcher(tail).find();
            return happened || !SUPPOSED_BEFORE.matcher(before).find() && !PREPARING.matcher(sentence).find();
        }

        /** Denied ("사기는 아니고"): the word does not tell the topic either. */
        private boolean isDenied(Hit hit) {
            return TOPIC_DENIED.matcher(tail(hit)).find();
        }

        /** Up to 12 characters after a hit, within its sentence. */
        private String tail(Hit hit) {
            int end = Math.min(text.length(), hit.end() + 12);
            for (int i = hit.end(); i < end; i++) {
                if (SENTENCE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                    end = i;
                    break;
                }
            }
            return text.substring(hit.end(), end);
        }

        private int sentenceStart(int at) {
            int i = at;
            while (i > 0 && SENTENCE_BREAKS.indexOf(text.charAt(i - 1)) < 0) {
                i--;
            }
            return i;
        }

        private String sentenceOf(Hit hit) {
            int end = hit.end();
            while (end < text.length() && SENTENCE_BREAKS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return text.substring(sentenceStart(hit.start()), end);
        }

        /** Every match of every pattern, except those inside an ignored phrase. */
        private List<Hit> match(List<Pattern> patterns) {
            List<Hit> hits = new ArrayList<>();
            for (Pattern pattern : patterns) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    Hit hit = new Hit(m.group(), m.start(), m.end());
                    if (m.end() > m.start() && ignored.stream().noneMatch(hit::within)) {
                        hits.add(hit);
                    }
                }
            }
            hits.sort(Comparator.comparingInt(Hit::start));
            return hits;
        }

        private int gap(Hit qualifier, Hit anchor) {
            if (qualifier.within(anchor)) {
                return 0;
            }
            return qualifier.end() <= anchor.start() ? anchor.start() - qualifier.end() : qualifier.start() - anchor.end();
        }

        private boolean crossesSentence(Hit a, Hit b) {
            int from = Math.min(a.end(), b.end());
            int to = Math.max(a.start(), b.start());
            for (int i = from; i < to; i++) {
                if (SENTENCE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Every occurrence of every word, except those inside a masking phrase. */
        private List<Hit> find(Collection<String> words, List<Hit> masks) {
            List<Hit> hits = new ArrayList<>();
            for (String word : words) {
                for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                    Hit hit = new Hit(word, at, at + word.length());
                    if (masks.stream().noneMatch(hit::within)) {
                        hits.add(hit);
                    }
                }
            }
            hits.sort(Comparator.comparingInt(Hit::start));
            return hits;
        }

        /** Overlapping anchor words ("잃어", "잃어버") count once, as the longest. */
        private List<Hit> withoutOverlaps(List<Hit> hits) {
            List<Hit> sorted = new ArrayList<>(hits);
            sorted.sort(Comparator.comparingInt(Hit::start).thenComparing(hit -> -hit.word().length()));
            List<Hit> kept = new ArrayList<>();
            for (Hit hit : sorted) {
                if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(hit)) {
                    kept.add(hit);
                }
            }
            return kept;
        }

        private int precedence(Category category) {
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).category() == category) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }
    }

    private static List<String> normalizeAll(Collection<String> words) {
        if (words == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> normalized = new ArrayList<>();
        for (String word : words) {
            String n = TextNormalizer.normalize(word);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("blank keyword");
            }
            if (seen.add(n)) {
                normalized.add(n);
            }
        }
        return List.copyOf(normalized);
    }
}
