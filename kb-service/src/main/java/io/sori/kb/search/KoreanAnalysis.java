package io.sori.kb.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Sori's Korean analysis: Nori with a user dictionary of banking compounds, in DISCARD mode
 * (compounds are indexed as their parts, so "이체한도", "이체 한도" and "이체한도를" are the same
 * two terms 이체 + 한도 at adjacent positions), particles, endings and other function
 * morphemes dropped by part of speech, hanja read as hangul, Latin lower-cased, and a
 * small stop list of filler words.
 *
 * <p>The query analyzer adds the synonym list as a token graph (query time only, so editing
 * synonyms needs no re-index). Articles' own synonyms are indexed as a field of their own.
 * The resources live in {@code kb/analysis/} on the classpath.
 */
public final class KoreanAnalysis {

    static final String USER_DICTIONARY = "kb/analysis/userdict_ko.txt";
    static final String STOPWORDS = "kb/analysis/stopwords_ko.txt";
    static final String SYNONYMS = "kb/analysis/synonyms_ko.txt";
    static final String CORRECTIONS = "kb/analysis/corrections_ko.txt";

    /**
     * Nori's default stop tags plus: pronouns (NP: 제가, 저), dependent nouns (NNB: 것, 수),
     * auxiliary verbs (VX: 싶다, 주다 in 알려 주세요), the copula (VCP, VCN) and numeral
     * classifiers' companions that never tell articles apart.
     */
    private static final Set<POS.Tag> STOP_TAGS;

    static {
        Set<POS.Tag> tags = EnumSet.noneOf(POS.Tag.class);
        tags.addAll(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.addAll(List.of(POS.Tag.NP, POS.Tag.NNB, POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN));
        STOP_TAGS = Set.copyOf(tags);
    }

    private final UserDictionary userDictionary;
    private final CharArraySet stopwords;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final TypedKorean typed;

    private KoreanAnalysis(UserDictionary userDictionary, CharArraySet stopwords, String synonymRules,
            Map<String, String> corrections) {
        this.typed = new TypedKorean(corrections);
        this.userDictionary = userDictionary;
        this.stopwords = stopwords;
        this.indexAnalyzer = new BaseAnalyzer();
        SynonymMap synonyms = parseSynonyms(synonymRules, indexAnalyzer);
        this.queryAnalyzer = new QueryAnalyzer(synonyms);
    }

    /** The analysis with Sori's dictionary, stop words and synonyms from the classpath. */
    public static KoreanAnalysis standard() {
        try (Reader dictionary = resource(USER_DICTIONARY)) {
            UserDictionary userDictionary = UserDictionary.open(dictionary);
            CharArraySet stopwords = new CharArraySet(lines(STOPWORDS), false);
            return new KoreanAnalysis(userDictionary, stopwords, String.join("\n", lines(SYNONYMS)),
                    corrections(lines(CORRECTIONS)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the Korean analysis resources", e);
        }
    }

    /** A question as typed in a chat, made readable for the analyzer (see {@link TypedKorean}). */
    public String normaliseQuestion(String question) {
        return typed.normalise(question);
    }

    /** For documents: no synonyms (they are expanded at query time). */
    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** For questions: the index analysis plus the synonym graph. */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** The terms the given analyzer makes of a text, in order (synonyms included for the query analyzer). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a string
        }
        return terms;
    }

    private TokenStream baseFilters(Tokenizer tokenizer) {
        TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer, STOP_TAGS);
        stream = new KoreanReadingFormFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new StopFilter(stream, stopwords);
    }

    private Tokenizer tokenizer() {
        // DISCARD: compounds become their parts only; no unknown-word unigrams; punctuation dropped
        return new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, userDictionary,
                KoreanTokenizer.DecompoundMode.DISCARD, false, true);
    }

    /** A gap between the values of a multi-valued field (tags, synonyms), so no phrase spans two of them. */
    private static final int VALUE_GAP = 100;

    private final class BaseAnalyzer extends Analyzer {
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = tokenizer();
            return new TokenStreamComponents(tokenizer, baseFilters(tokenizer));
        }
    }

    private final class QueryAnalyzer extends Analyzer {
        private final SynonymMap synonyms;

        QueryAnalyzer(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = tokenizer();
            return new TokenStreamComponents(tokenizer, new SynonymGraphFilter(baseFilters(tokenizer), synonyms, true));
        }
    }

    private static SynonymMap parseSynonyms(String rules, Analyzer analyzer) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        try {
            parser.parse(new StringReader(rules));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("invalid synonym rules in " + SYNONYMS + ": " + e.getMessage(), e);
        }
    }

    /** "wrong => right" lines; the right side may be empty (the wrong text is dropped). */
    private static Map<String, String> corrections(List<String> lines) {
        Map<String, String> corrections = new LinkedHashMap<>();
        for (String line : lines) {
            int arrow = line.indexOf("=>");
            if (arrow <= 0) {
                throw new IllegalStateException("invalid correction in " + CORRECTIONS + ": " + line);
            }
            corrections.put(line.substring(0, arrow).strip(), line.substring(arrow + 2).strip());
        }
        return corrections;
    }

    private static Reader resource(String name) {
        InputStream in = KoreanAnalysis.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<String> lines(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(resource(name))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }
}
