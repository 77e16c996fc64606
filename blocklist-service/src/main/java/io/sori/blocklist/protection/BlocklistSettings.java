package io.sori.blocklist.protection;

import io.sori.blocklist.policy.Action;
import io.sori.blocklist.policy.EscalationPolicy;
import io.sori.blocklist.policy.Rung;
import io.sori.events.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param policy           the escalation table
 * @param channels         what a block covers when the report does not choose
 * @param screenedChannels whose incoming text the detector reads
 * @param agentRest        how long a reporting agent gets no new work
 * @param sweepInterval    how often expired blocks are ended and the active-blocks gauge is refreshed
 * @param excerptLength    how much of a message an evidence excerpt keeps
 */
@ConfigurationProperties("sori.blocklist")
public record BlocklistSettings(Policy policy, List<Channel> channels, List<Channel> screenedChannels,
        Duration agentRest, Duration sweepInterval, int excerptLength) {

    public BlocklistSettings {
        policy = policy == null ? new Policy(null, null, null, false) : policy;
        channels = channels == null || channels.isEmpty()
                ? List.of(Channel.CHAT, Channel.TALK, Channel.INQUIRY, Channel.COMPLAINT) : List.copyOf(channels);
        screenedChannels = screenedChannels == null ? List.of(Channel.CHAT, Channel.TALK) : List.copyOf(screenedChannels);
        agentRest = agentRest == null ? Duration.ofMinutes(15) : agentRest;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        excerptLength = excerptLength <= 0 ? 300 : excerptLength;
    }

    /**
     * @param ladder             the rungs, the first offence taking the first
     * @param firstRung          reasons that start higher up (THREAT: 1 blocks at once)
     * @param lookback           how long an offence counts
     * @param detectionsMayBlock whether an automatic detection alone may block (otherwise it warns)
     */
    public record Policy(List<RungSetting> ladder, Map<String, Integer> firstRung, Duration lookback,
            boolean detectionsMayBlock) {

        public EscalationPolicy toPolicy() {
            List<Rung> rungs = ladder == null || ladder.isEmpty()
                    ? List.of(Rung.warning(), Rung.block(Duration.ofHours(24)), Rung.block(Duration.ofDays(7)),
                            Rung.block(Duration.ofDays(30)), Rung.permanent())
                    : ladder.stream().map(r -> new Rung(r.action(), r.duration())).toList();
            return new EscalationPolicy(rungs, firstRung == null ? Map.of("THREAT", 1, "SEXUAL_HARASSMENT", 1) : firstRung,
                    lookback == null ? Duration.ofDays(365) : lookback, detectionsMayBlock);
        }
    }

    public record RungSetting(Action action, Duration duration) {
    }
}
