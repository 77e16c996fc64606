package io.sori.kb.access;

import io.sori.kb.article.Article;
import io.sori.kb.article.ArticleVersion;
import io.sori.kb.article.Audience;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Who may read and change the knowledge base. The agents' KMS is internal: customers (and the
 * channel platforms acting for them) see only the published public FAQ. Content is edited by
 * knowledge managers (supervisors, admins); the calculators' reference data only by admins.
 */
public final class KbAccess {

    private KbAccess() {
    }

    /** Staff and Sori's own services read everything; anyone else only the public FAQ. */
    public static boolean readsInternal(Actor actor) {
        return actor.isStaff() || actor.has(Role.SERVICE);
    }

    /** The audience a search may cover: what was asked for, narrowed to what the caller may read. */
    public static Audience searchable(Actor actor, Audience wanted) {
        requireSignedIn(actor);
        if (readsInternal(actor)) {
            return wanted;
        }
        if (wanted == Audience.AGENT_KMS) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the agents' knowledge base is internal; search the public FAQ");
        }
        return Audience.PUBLIC_FAQ;
    }

    /** An article the caller may not read is reported as missing. */
    public static Article readable(Actor actor, Article article) {
        requireSignedIn(actor);
        boolean publicFaq = article.published().map(v -> v.audience() == Audience.PUBLIC_FAQ).orElse(false);
        if (readsInternal(actor) || publicFaq) {
            return article;
        }
        throw ProblemException.notFound("article", article.id());
    }

    /**
     * The version of a readable article the caller is shown: staff and services the latest (drafts
     * included, that is what they edit); anyone else only the published one, never a draft's or an
     * earlier version's title or text.
     */
    public static ArticleVersion shown(Actor actor, Article article) {
        if (readsInternal(actor)) {
            return article.latest();
        }
        return article.published().filter(v -> v.audience() == Audience.PUBLIC_FAQ)
                .orElseThrow(() -> ProblemException.notFound("article", article.id()));
    }

    public static Actor requireEditor(Actor actor) {
        return actor.require(Role.SUPERVISOR, Role.ADMIN);
    }

    public static Actor requireStaff(Actor actor) {
        return actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    }

    public static Actor requireSignedIn(Actor actor) {
        if (actor.isAnonymous()) {
            throw Actor.unauthenticated();
        }
        return actor;
    }
}
