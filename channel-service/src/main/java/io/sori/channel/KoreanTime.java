package io.sori.channel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as customers read them: Asia/Seoul, "2026년 11월 24일 15:30". */
public final class KoreanTime {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm", Locale.KOREAN);

    private KoreanTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atZone(SEOUL));
    }
}
