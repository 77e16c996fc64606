package io.sori.channel.bot.service;

import io.sori.channel.bot.DialoguePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unansweredTurnsBeforeHandoff unanswered turns in a row after which the bot hands off
 *                                     (the second one by default)
 */
@ConfigurationProperties("sori.channel.bot")
public record BotProperties(Integer unansweredTurnsBeforeHandoff) {

    public BotProperties {
        unansweredTurnsBeforeHandoff = unansweredTurnsBeforeHandoff == null || unansweredTurnsBeforeHandoff < 1
                ? DialoguePolicy.DEFAULT_UNANSWERED_TURNS_BEFORE_HANDOFF : unansweredTurnsBeforeHandoff;
    }
}
