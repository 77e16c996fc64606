package io.sori.channel.phone;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads from what a customer (or a relative asking for them) wrote whether the person to call
 * is elderly or cannot use the app: "70대 고객인데 앱 사용이 어려워요", "80대 어머니 대신 신청해요",
 * "글씨가 안 보여서". Such a callback is served first and by phone, never redirected to the app.
 *
 * <p>Matched after NFKC, lower case and with all spaces removed, so spacing does not matter. An
 * app that merely misbehaves ("앱이 안 열려요") is a fault, not a need; an age in the twenties to
 * fifties is no sign; a product named for seniors ("고령자 우대 적금") alone says nothing about
 * the caller.
 */
final class CallerNeeds {

    enum Need {
        /** 고령: seventy and over, or named as 어르신/노인/고령. */
        ELDERLY,
        /** Cannot use the app or the phone's screens on their own. */
        DIGITAL_EXCLUSION,
        /** Cannot read the screen or hear well. */
        SIGHT_OR_HEARING
    }

    /** 70대, 80대, 90대, 75세, 82살 (not 170대, not 7-digit numbers). */
    private static final Pattern AGE = Pattern.compile("(?<![0-9])(?:[7-9]0대|[7-9][0-9](?:세|살)|1[0-1][0-9](?:세|살))");
    private static final Pattern NATIVE_AGE = Pattern.compile("(?:일흔|여든|아흔|칠순|팔순|구순|칠십대|팔십대|구십대)");
    private static final List<String> ELDERLY_WORDS = List.of("어르신", "고령", "노인", "연로", "연세가많", "연세가있",
            "나이가많", "나이드신", "노부모", "할머니", "할아버지");
    /** Names of senior products or places: not a sign by themselves. */
    private static final List<String> ELDERLY_NOT = List.of("고령자우대", "고령자전용", "노인정", "노인복지관", "시니어적금",
            "고령화");
    private static final List<String> DIGITAL_WORDS = List.of("앱사용이어려", "앱사용을어려", "앱을쓸줄모르", "앱쓸줄모르",
            "앱을못써", "앱을못쓰", "앱을잘못써", "앱을잘못쓰", "앱을다룰줄", "어플사용이어려", "어플을못", "어플쓸줄",
            "스마트폰을못", "스마트폰을잘못", "스마트폰사용이어려", "스마트폰쓸줄", "핸드폰을잘못", "핸드폰사용이어려",
            "휴대폰사용이어려", "휴대폰을잘못", "인터넷을못", "인터넷사용이어려", "기계를잘못", "기계를못다",
            "디지털기기", "컴맹", "폰맹");
    private static final List<String> SENSE_WORDS = List.of("글씨가안보", "글자가안보", "글씨가잘안보", "글자가잘안보",
            "눈이어두", "눈이침침", "화면이안보", "화면이잘안보", "시력이안좋", "시각장애", "귀가어두", "잘안들려",
            "잘안들리", "청각장애", "보청기");

    private CallerNeeds() {
    }

    static Set<Need> of(String text) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        if (text == null || text.isBlank()) {
            return needs;
        }
        String c = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        String scrubbed = c;
        for (String phrase : ELDERLY_NOT) {
            scrubbed = scrubbed.replace(phrase, "|");
        }
        if (AGE.matcher(scrubbed).find() || NATIVE_AGE.matcher(scrubbed).find()
                || ELDERLY_WORDS.stream().anyMatch(scrubbed::contains)) {
            needs.add(Need.ELDERLY);
        }
        if (DIGITAL_WORDS.stream().anyMatch(c::contains)) {
            needs.add(Need.DIGITAL_EXCLUSION);
        }
        if (SENSE_WORDS.stream().anyMatch(c::contains)) {
            needs.add(Need.SIGHT_OR_HEARING);
        }
        return needs;
    }
}
