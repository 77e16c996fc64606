package io.sori.kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.sori.kb.article.Audience;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The in-memory Lucene index of published articles, and Korean search over it. Framework-free
 * and thread-safe: any number of searches run at once with updates; the searcher is refreshed
 * after every update, so a change is searchable as soon as {@link #apply} returns.
 *
 * <p>Ranking is BM25 over four fields — title (boost 3), the article's own synonyms (2), tags
 * (1.5) and body (1) — plus a proximity bonus when the question's words stand close together in
 * the title or body ("이체 한도" in that order beats an article that says 이체 and 한도 far
 * apart). Questions are analysed with the synonym graph; filters (audience, category) don't score.
 */
public final class ArticleIndex implements Closeable {

    static final String ID = "id";
    static final String AUDIENCE = "audience";
    static final String CATEGORY = "category";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String SYNONYMS = "synonyms";
    static final String MARKDOWN = "markdown";
    static final String VERSION = "version";

    private record FieldBoost(String field, float boost) {
    }

    private static final List<FieldBoost> TEXT_FIELDS = List.of(new FieldBoost(TITLE, 3f),
            new FieldBoost(SYNONYMS, 3f), new FieldBoost(TAGS, 1.5f), new FieldBoost(BODY, 1f));
    private static final List<FieldBoost> PROXIMITY_FIELDS = List.of(new FieldBoost(TITLE, 2f), new FieldBoost(SYNONYMS, 2f),
            new FieldBoost(BODY, 1f));
    private static final int PROXIMITY_SLOP = 4;
    /** Words of a question that are searched; the rest of a very long text adds little but clauses. */
    static final int MAX_QUERY_WORDS = 24;
    private static final int SNIPPET_LENGTH = 120;
    /** What an article in the preferred category gains: a tie-breaker, less than one matching word in the title. */
    private static final float PREFERRED_CATEGORY_BONUS = 2f;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Punct}·…“”‘’「」『』、。]+");
    private static final Pattern WORD = Pattern.compile("[^\\s\\p{Punct}·…“”‘’「」『』、。]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");
    private static final Set<String> STORED = Set.of(ID, TITLE, AUDIENCE, CATEGORY, VERSION);
    private static final Set<String> STORED_WITH_BODY = Set.of(ID, TITLE, AUDIENCE, CATEGORY, VERSION, MARKDOWN);
    private static final FieldType HIGHLIGHTABLE_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        // offsets in the postings: snippets are highlighted without analysing the body again
        HIGHLIGHTABLE_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTABLE_TEXT.freeze();
    }

    private final KoreanAnalysis analysis;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The revision of each article's state last applied, live or not. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    /** Updates share it; a rebuild takes it alone. */
    private final ReadWriteLock rebuildLock = new ReentrantReadWriteLock();

    public ArticleIndex(KoreanAnalysis analysis) {
        this.analysis = analysis;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the in-memory index", e);
        }
    }

    /** Replaces everything with these articles' states (only the live ones are searchable). */
    public void rebuild(Collection<IndexedArticle> articles) {
        rebuildLock.writeLock().lock();
        try {
            writer.deleteAll();
            revisions.clear();
            for (IndexedArticle article : articles) {
                revisions.merge(article.id(), article.revision(), Math::max);
                if (article.live()) {
                    writer.updateDocument(new Term(ID, article.id()), toDocument(article));
                }
            }
            writer.forceMerge(1); // one segment searches fastest; updates add small ones later
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not rebuild the index", e);
        } finally {
            rebuildLock.writeLock().unlock();
        }
    }

    /**
     * Applies one article's state, unless the same or a newer revision was applied already.
     *
     * @return whether the index changed
     */
    public boolean apply(IndexedArticle article) {
        boolean[] changed = {false};
        rebuildLock.readLock().lock();
        try {
            revisions.compute(article.id(), (id, known) -> {
                if (known != null && known >= article.revision()) {
                    return known;
                }
                try {
                    if (article.live()) {
                        writer.updateDocument(new Term(ID, id), toDocument(article));
                    } else {
                        writer.deleteDocuments(new Term(ID, id));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("could not index article " + id, e);
                }
                changed[0] = true;
                return article.revision();
            });
            if (changed[0]) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not refresh the index", e);
        } finally {
            rebuildLock.readLock().unlock();
        }
        return changed[0];
    }

    /** The revision of the article's state last applied; -1 if none was. */
    public long knownRevision(String id) {
        return revisions.getOrDefault(id, -1L);
    }

    /** How many articles are searchable. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchResult search(SearchQuery query) {
        String text = analysis.normaliseQuestion(query.text());
        try {
            for (int words = MAX_QUERY_WORDS; ; words /= 2) {
                try {
                    return search(query, firstWords(text, words));
                } catch (IndexSearcher.TooManyClauses e) {
                    // a long text whose words all expand to many synonyms: search fewer of its words
                    if (words <= 1) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private SearchResult search(SearchQuery request, String text) throws IOException {
        Query matching = textQuery(text);
        if (matching == null) {
            return SearchResult.EMPTY; // nothing but particles, endings and fillers
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, BooleanClause.Occur.MUST);
        if (request.audience() != null) {
            query.add(new TermQuery(new Term(AUDIENCE, request.audience().name())), BooleanClause.Occur.FILTER);
        }
        if (request.category() != null) {
            query.add(new TermQuery(new Term(CATEGORY, request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.preferredCategory() != null) {
            query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CATEGORY, request.preferredCategory()))),
                    PREFERRED_CATEGORY_BONUS), BooleanClause.Occur.SHOULD);
        }
        Query built = query.build();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(built, request.size());
            if (top.scoreDocs.length == 0) {
                return new SearchResult(List.of(), top.totalHits.value, 0);
            }
            String[] snippets = highlighter(searcher).highlight(BODY, highlighted(text), top, 1);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                boolean withBody = request.answering() && i == 0;
                Document doc = stored.document(scoreDoc.doc, withBody ? STORED_WITH_BODY : STORED);
                hits.add(new SearchHit(doc.get(ID), doc.getField(VERSION).numericValue().intValue(), doc.get(TITLE),
                        snippet(snippets[i]), scoreDoc.score,
                        Audience.valueOf(doc.get(AUDIENCE)), doc.get(CATEGORY), doc.get(MARKDOWN)));
            }
            double coverage = request.answering() ? coverage(searcher, text, top.scoreDocs[0].doc) : 0;
            return new SearchResult(hits, top.totalHits.value, coverage);
        } finally {
            searchers.release(searcher);
        }
    }

    private static String snippet(String passage) {
        return passage == null ? "" : LINE_BREAKS.matcher(passage.strip()).replaceAll(" ");
    }

    private Query textQuery(String text) {
        QueryBuilder builder = queryBuilder();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean matchesSomething = false;
        for (FieldBoost field : TEXT_FIELDS) {
            Query q = builder.createBooleanQuery(field.field(), text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                any.add(new BoostQuery(q, field.boost()), BooleanClause.Occur.SHOULD);
                matchesSomething = true;
            }
        }
        if (!matchesSomething) {
            return null;
        }
        for (FieldBoost field : PROXIMITY_FIELDS) {
            Query phrase = builder.createPhraseQuery(field.field(), text, PROXIMITY_SLOP);
            if (phrase != null && !(phrase instanceof TermQuery)) {
                any.add(new BoostQuery(phrase, field.boost()), BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * What the snippet highlights: the question's words (and their synonyms) in the body. Not the
     * ranking query itself: matching its proximity phrases again per hit would cost more than the
     * search.
     */
    private Query highlighted(String text) {
        Query words = queryBuilder().createBooleanQuery(BODY, text, BooleanClause.Occur.SHOULD);
        return words == null ? new BooleanQuery.Builder().build() : words;
    }

    private QueryBuilder queryBuilder() {
        QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer());
        // a multi-word synonym ("전화 금융 사기") must match as a phrase, not as any of its words
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analysis.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.KOREAN), SNIPPET_LENGTH, 0.5f))
                .withMaxNoHighlightPassages(1)
                .withHighlightPhrasesStrictly(false)
                .build();
    }

    /**
     * How much of the question the document matches: for each word (eojeol) of the question,
     * the share of its terms the document contains (a term's synonyms count; a word whose
     * synonym phrase matches counts whole), weighted by how rare the word's rarest term is in
     * the index (an unknown word weighs the most: the article does not talk about it).
     */
    private double coverage(IndexSearcher searcher, String text, int doc) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        QueryBuilder builder = queryBuilder();
        Set<String> seenTerms = new HashSet<>();
        double total = 0;
        double matched = 0;
        for (Word word : analysedWords(text)) {
            List<String> terms = new ArrayList<>(new LinkedHashSet<>(word.terms()));
            if (!seenTerms.addAll(terms)) {
                continue; // a repeated word
            }
            double weight = word.salience() * terms.stream().mapToDouble(term -> idf(reader, term)).max().orElse(0);
            double score;
            if (matches(searcher, anyField(builder, word.text(), true), doc)) {
                score = 1;
            } else {
                int found = 0;
                for (String term : terms) {
                    if (matches(searcher, anyField(builder, term, false), doc)) {
                        found++;
                    }
                }
                score = (double) found / terms.size();
            }
            total += weight;
            matched += weight * score;
        }
        return total == 0 ? 0 : matched / total;
    }

    /**
     * A word (eojeol) of a question, the index terms analysis made of it in context, and how much
     * it says about the topic: nouns, foreign words and numbers name what the question is about;
     * verbs and adjectives (떼다, 넣다, 돕다) mostly say what to do with it, so they weigh less.
     */
    private record Word(String text, List<String> terms, double salience) {
    }

    private static final double VERB_SALIENCE = 0.35;

    private static double salience(POS.Tag tag) {
        return tag == POS.Tag.VV || tag == POS.Tag.VA ? VERB_SALIENCE : 1.0;
    }

    /**
     * The question's words with their terms, analysed as a whole (Nori reads a word differently
     * on its own: "싶어요" alone is not the auxiliary it is after "올리고"). Words without terms
     * (particles, endings, fillers) are left out.
     */
    private List<Word> analysedWords(String text) throws IOException {
        List<int[]> spans = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
        }
        List<List<String>> terms = new ArrayList<>();
        double[] salience = new double[spans.size()];
        spans.forEach(span -> terms.add(new ArrayList<>()));
        try (TokenStream stream = analysis.indexAnalyzer().tokenStream(BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            stream.reset();
            int at = 0;
            while (stream.incrementToken()) {
                while (at < spans.size() - 1 && offset.startOffset() >= spans.get(at)[1]) {
                    at++;
                }
                if (!spans.isEmpty()) {
                    terms.get(at).add(term.toString());
                    salience[at] = Math.max(salience[at], salience(pos.getLeftPOS()));
                }
            }
            stream.end();
        }
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (!terms.get(i).isEmpty()) {
                words.add(new Word(text.substring(spans.get(i)[0], spans.get(i)[1]), terms.get(i), salience[i]));
            }
        }
        return words;
    }

    private static Query anyField(QueryBuilder builder, String text, boolean asPhrase) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (FieldBoost field : TEXT_FIELDS) {
            Query q = asPhrase ? builder.createPhraseQuery(field.field(), text, PROXIMITY_SLOP)
                    : builder.createBooleanQuery(field.field(), text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                any.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static boolean matches(IndexSearcher searcher, Query query, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = weight.scorer(leaf);
        int target = doc - leaf.docBase;
        return scorer != null && scorer.iterator().advance(target) == target;
    }

    /** BM25's idf of a term, by the field it is most common in. */
    private static double idf(IndexReader reader, String term) {
        int docFreq = 0;
        try {
            for (FieldBoost field : TEXT_FIELDS) {
                docFreq = Math.max(docFreq, reader.docFreq(new Term(field.field(), term)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does not fail to read
        }
        long docs = reader.numDocs();
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_SEPARATORS.split(text.strip())) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String firstWords(String text, int max) {
        List<String> words = words(text);
        return words.size() <= max ? text : String.join(" ", words.subList(0, max));
    }

    private static Document toDocument(IndexedArticle article) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new StringField(AUDIENCE, article.audience().name(), Field.Store.YES));
        doc.add(new StringField(CATEGORY, article.category(), Field.Store.YES));
        doc.add(new StoredField(VERSION, article.version()));
        doc.add(new Field(TITLE, article.title(), HIGHLIGHTABLE_TEXT));
        doc.add(new Field(BODY, Markdown.toPlainText(article.body()), HIGHLIGHTABLE_TEXT));
        doc.add(new StoredField(MARKDOWN, article.body()));
        // list items are kept apart, so a phrase never spans two tags
        for (String tag : article.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
        }
        for (String synonym : article.synonyms()) {
            doc.add(new TextField(SYNONYMS, synonym, Field.Store.NO));
        }
        return doc;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
