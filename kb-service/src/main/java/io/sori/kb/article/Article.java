package io.sori.kb.article;

import io.sori.events.kb.ArticleArchived;
import io.sori.events.kb.ArticlePublished;
import io.sori.events.kb.KbEvent;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A knowledge-base article with every version it ever had. At most one version is live
 * (PUBLISHED); editing adds a DRAFT version and leaves the live one searchable until the draft
 * is published. The events telling about a change travel in the same document (the outbox),
 * so both are written at once.
 *
 * <p>Lifecycle of the article: DRAFT (never published) → PUBLISHED → ARCHIVED; an archived
 * article comes back only by publishing a new version.
 */
@Document(Article.COLLECTION)
@CompoundIndex(name = "listing", def = "{'audience': 1, 'category': 1, 'status': 1}")
public class Article {

    public static final String COLLECTION = "articles";

    @Id
    private String id;
    private ArticleStatus status;
    /** The live version's number; null when nothing is live. */
    private Integer publishedVersion;
    /** The latest version's audience and category, for listing by them. */
    private Audience audience;
    private String category;
    private List<ArticleVersion> versions = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    /** Changes with every content or lifecycle change: instances catch up their search index by it. */
    @Indexed
    private Instant updatedAt;
    @Version
    private Long revision;

    protected Article() {
    }

    private Article(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new article whose first version is a draft. */
    public static Article draft(String id, ArticleContent content, String author, Instant now) {
        Article article = new Article(id, now);
        article.status = ArticleStatus.DRAFT;
        article.add(ArticleVersion.draft(1, content, author, now));
        return article;
    }

    /**
     * Adds a new draft version, based on the latest one.
     *
     * @param basedOn the version the author edited; must be the latest
     */
    public void revise(int basedOn, ArticleContent content, String author, Instant now) {
        ArticleVersion latest = latest();
        if (basedOn != latest.number()) {
            throw new ArticleConflict(ArticleConflict.Kind.STALE_VERSION, "article " + id + " is at version "
                    + latest.number() + ", the change was based on version " + basedOn + "; reload it and try again");
        }
        add(ArticleVersion.draft(latest.number() + 1, content, author, now));
        updatedAt = now;
    }

    /**
     * Publishes the latest version (it becomes live; the version live before is archived).
     *
     * @param expected the version the caller means, or null for the latest
     * @return the event, or empty when that version was live already (publishing twice changes nothing)
     */
    public Optional<KbEvent> publish(Integer expected, Instant now) {
        ArticleVersion latest = latest();
        checkLatest(expected, latest);
        if (latest.status() == ArticleStatus.PUBLISHED) {
            return Optional.empty();
        }
        if (latest.status() == ArticleStatus.ARCHIVED) {
            throw new ArticleConflict(ArticleConflict.Kind.INVALID_TRANSITION, "version " + latest.number()
                    + " of article " + id + " is archived; edit the article to publish a new version");
        }
        published().ifPresent(live -> replace(live.archived(now)));
        ArticleVersion live = latest.published(now);
        replace(live);
        publishedVersion = live.number();
        status = ArticleStatus.PUBLISHED;
        updatedAt = now;
        return Optional.of(new ArticlePublished(id, live.number(), live.audience().name(), live.category(),
                live.title()));
    }

    /**
     * Takes the article out of search: the live version is archived; drafts stay drafts.
     *
     * @param expected the version the caller means, or null for the latest
     * @return the event, or empty when the article was archived already
     */
    public Optional<KbEvent> archive(Integer expected, Instant now) {
        checkLatest(expected, latest());
        if (status == ArticleStatus.ARCHIVED) {
            return Optional.empty();
        }
        int archivedVersion = published().map(ArticleVersion::number).orElse(latest().number());
        published().ifPresent(live -> replace(live.archived(now)));
        publishedVersion = null;
        status = ArticleStatus.ARCHIVED;
        updatedAt = now;
        return Optional.of(new ArticleArchived(id, archivedVersion));
    }

    /**
     * Gives every version the shared name of its category where it still has an old one.
     *
     * @return whether anything changed
     */
    boolean renameCategories(Instant now) {
        boolean changed = false;
        for (ArticleVersion version : List.copyOf(versions)) {
            String canonical = ArticleCategories.canonical(version.category()).orElse(version.category());
            if (!canonical.equals(version.category())) {
                replace(version.withCategory(canonical));
                changed = true;
            }
        }
        String latestCategory = latest().category();
        if (!latestCategory.equals(category)) {
            category = latestCategory;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    public void record(OutboxMessage event) {
        outbox.add(event);
    }

    private void checkLatest(Integer expected, ArticleVersion latest) {
        if (expected != null && expected != latest.number()) {
            throw new ArticleConflict(ArticleConflict.Kind.STALE_VERSION, "article " + id + " is at version "
                    + latest.number() + ", not " + expected + "; reload it and try again");
        }
    }

    private void add(ArticleVersion version) {
        versions.add(version);
        audience = version.audience();
        category = version.category();
    }

    private void replace(ArticleVersion version) {
        versions.set(version.number() - 1, version);
    }

    public ArticleVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public Optional<ArticleVersion> published() {
        return publishedVersion == null ? Optional.empty() : Optional.of(versions.get(publishedVersion - 1));
    }

    /** Version {@code number} (counting from 1), if there is one. */
    public Optional<ArticleVersion> version(int number) {
        return number < 1 || number > versions.size() ? Optional.empty() : Optional.of(versions.get(number - 1));
    }

    public String id() { return id; }
    public ArticleStatus status() { return status; }
    public Integer publishedVersion() { return publishedVersion; }
    public List<ArticleVersion> versions() { return List.copyOf(versions); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    /** The store's optimistic-locking counter: grows with every write of this document. */
    public long revision() { return revision == null ? 0 : revision; }
}
