package io.sori.channel.conversation;

import io.sori.platform.schedule.Periodic;
import io.sori.channel.ChannelMetrics;
import io.sori.channel.ChannelSettings;
import io.sori.events.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes chat and talk conversations nobody wrote in for the channel's inactivity window, and
 * counts each once as contained by the bot or handed off (the close is a versioned write, so
 * with several instances only one counts it).
 */
@Component
class IdleConversations extends Periodic {

    private final ReactiveMongoTemplate mongo;
    private final ChannelSettings settings;
    private final ChannelMetrics metrics;
    private final Clock clock;

    IdleConversations(ReactiveMongoTemplate mongo, ChannelSettings settings, ChannelMetrics metrics, Clock clock) {
        super("closing idle conversations", settings.closeScanInterval(), settings.closeScanInterval());
        this.mongo = mongo;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One pass; returns how many conversations it closed. */
    Mono<Long> closeIdle() {
        return Flux.fromIterable(settings.inactivityWindow().entrySet())
                .filter(e -> settings.windowOf(e.getKey()) != null)
                .concatMap(this::closeIdle)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> closeIdle(Map.Entry<Channel, Duration> window) {
        Instant now = clock.instant();
        Query idle = Query.query(Criteria.where("status").is(Conversation.OPEN).and("channel").is(window.getKey())
                .and("updatedAt").lt(now.minus(window.getValue()))).limit(500);
        idle.fields().include("_id", "version", "bot", "handoffReason", "channel");
        return mongo.find(idle, org.bson.Document.class, Conversation.COLLECTION)
                .concatMap(doc -> {
                    Query exactly = Query.query(Criteria.where("_id").is(doc.get("_id"))
                            .and("status").is(Conversation.OPEN).and("version").is(doc.get("version")));
                    Update close = new Update().set("status", Conversation.CLOSED).set("closedReason", "INACTIVE")
                            .set("closedAt", now).inc("version", 1);
                    return mongo.updateFirst(exactly, close, Conversation.COLLECTION)
                            .filter(result -> result.getModifiedCount() == 1)
                            .map(result -> {
                                org.bson.Document bot = doc.get("bot", org.bson.Document.class);
                                boolean handedOff = doc.get("handoffReason") != null
                                        || (bot != null && Boolean.TRUE.equals(bot.getBoolean("handedOff")));
                                metrics.conversationClosed(window.getKey(), handedOff);
                                return 1L;
                            });
                })
                .reduce(0L, Long::sum);
    }

    @Override
    protected Mono<?> pass() {
        return closeIdle();
    }
}
