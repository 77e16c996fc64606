package io.sori.channel;

import io.sori.events.channel.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How channel-service threads and guards contacts.
 *
 * @param inactivityWindow per channel: a customer writing again within it joins their open conversation on
 *                         that channel; channels without one thread only by explicit ids (conversation id,
 *                         email thread, call id)
 * @param closeScanInterval how often idle chat and talk conversations are closed (and counted as contained or
 *                          handed off)
 * @param emergencyPhone    the 24-hour line a blocked customer can always call
 * @param emergencyPath     how a blocked customer still reports a lost card or fraud
 * @param ivrCategories     IVR menu choice → category hint
 */
@ConfigurationProperties("sori.channel")
public record ChannelSettings(Map<Channel, Duration> inactivityWindow, Duration closeScanInterval,
        String emergencyPhone, String emergencyPath, Map<String, String> ivrCategories) {

    public ChannelSettings {
        Map<Channel, Duration> windows = new EnumMap<>(Channel.class);
        if (inactivityWindow == null) {
            windows.put(Channel.CHAT, Duration.ofMinutes(30));
            windows.put(Channel.TALK, Duration.ofMinutes(30));
        } else {
            windows.putAll(inactivityWindow);
        }
        inactivityWindow = Map.copyOf(windows);
        closeScanInterval = closeScanInterval == null ? Duration.ofMinutes(1) : closeScanInterval;
        emergencyPhone = emergencyPhone == null ? "1500-7071" : emergencyPhone;
        emergencyPath = emergencyPath == null
                ? "카드 분실·도난, 보이스피싱 등 금융사기 신고는 언제든지 가능합니다. 앱의 '분실·사고 신고' 메뉴나 "
                        + "분실·사고 신고센터 " + emergencyPhone + "(24시간)으로 연락해 주세요."
                : emergencyPath;
        ivrCategories = ivrCategories == null ? Map.of() : Map.copyOf(ivrCategories);
    }

    /** The window of a channel, or null when the channel threads only by explicit ids. */
    public Duration windowOf(Channel channel) {
        Duration window = inactivityWindow.get(channel);
        return window == null || window.isZero() || window.isNegative() ? null : window;
    }
}
