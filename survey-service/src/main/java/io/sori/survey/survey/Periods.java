package io.sori.survey.survey;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/**
 * The calendar periods an issue or an answer falls in, in Asia/Seoul, written on the survey when
 * it happens: the roll-ups then group by a stored field, the same on every MongoDB-compatible store,
 * with no time-zone arithmetic in the query.
 */
public record Periods(String day, String week, String month) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public static Periods of(Instant at) {
        ZonedDateTime seoul = at.atZone(SEOUL);
        String week = String.format("%d-W%02d", seoul.get(IsoFields.WEEK_BASED_YEAR),
                seoul.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Periods(DAY.format(seoul), week, MONTH.format(seoul));
    }
}
