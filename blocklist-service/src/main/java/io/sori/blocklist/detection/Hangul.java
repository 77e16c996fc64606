package io.sori.blocklist.detection;

import java.util.Map;

/**
 * Hangul arithmetic: syllables into initial, medial and final jamo and back, the loose forms the
 * detector compares (tense consonants as plain ones, look-alike vowels as one), and the Korean
 * two-set keyboard (두벌식), so that "tlqkf" typed with the wrong input mode reads as 시발.
 */
final class Hangul {

    static final String INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    static final String MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    /** Index 0 is "no final". */
    static final String FINALS = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    private static final char FIRST = '가';
    private static final char LAST = '힣';

    /** Two-set keyboard: what each Latin key types in Korean mode (upper case: with shift, where it differs). */
    private static final Map<Character, Character> KEYBOARD = Map.ofEntries(
            Map.entry('q', 'ㅂ'), Map.entry('w', 'ㅈ'), Map.entry('e', 'ㄷ'), Map.entry('r', 'ㄱ'), Map.entry('t', 'ㅅ'),
            Map.entry('y', 'ㅛ'), Map.entry('u', 'ㅕ'), Map.entry('i', 'ㅑ'), Map.entry('o', 'ㅐ'), Map.entry('p', 'ㅔ'),
            Map.entry('a', 'ㅁ'), Map.entry('s', 'ㄴ'), Map.entry('d', 'ㅇ'), Map.entry('f', 'ㄹ'), Map.entry('g', 'ㅎ'),
            Map.entry('h', 'ㅗ'), Map.entry('j', 'ㅓ'), Map.entry('k', 'ㅏ'), Map.entry('l', 'ㅣ'), Map.entry('z', 'ㅋ'),
            Map.entry('x', 'ㅌ'), Map.entry('c', 'ㅊ'), Map.entry('v', 'ㅍ'), Map.entry('b', 'ㅠ'), Map.entry('n', 'ㅜ'),
            Map.entry('m', 'ㅡ'), Map.entry('Q', 'ㅃ'), Map.entry('W', 'ㅉ'), Map.entry('E', 'ㄸ'), Map.entry('R', 'ㄲ'),
            Map.entry('T', 'ㅆ'), Map.entry('O', 'ㅒ'), Map.entry('P', 'ㅖ'));

    private Hangul() {
    }

    static boolean isSyllable(char c) {
        return c >= FIRST && c <= LAST;
    }

    static boolean isConsonant(char c) {
        return c >= 'ㄱ' && c <= 'ㅎ';
    }

    static boolean isVowel(char c) {
        return c >= 'ㅏ' && c <= 'ㅣ';
    }

    static boolean isHangul(char c) {
        return isSyllable(c) || isConsonant(c) || isVowel(c);
    }

    static int initial(char syllable) {
        return (syllable - FIRST) / (21 * 28);
    }

    static int medial(char syllable) {
        return (syllable - FIRST) % (21 * 28) / 28;
    }

    static int fin(char syllable) {
        return (syllable - FIRST) % 28;
    }

    static char syllable(int initial, int medial, int fin) {
        return (char) (FIRST + (initial * 21 + medial) * 28 + fin);
    }

    /** The compatibility jamo a syllable starts with: what "ㅅ" abbreviates. */
    static char initialJamo(char syllable) {
        return INITIALS.charAt(initial(syllable));
    }

    /**
     * The loose form the detector compares: tense initials and finals as plain ones (씨 = 시, 빨 = 발,
     * 끼 = 기), ㅢ and ㅟ as ㅣ (싀발, 쉬발), ㅔ as ㅐ and ㅖ as ㅒ (게새끼 = 개새끼). Lone consonants too.
     */
    static char loose(char c) {
        if (isConsonant(c)) {
            return switch (c) {
                case 'ㄲ' -> 'ㄱ';
                case 'ㄸ' -> 'ㄷ';
                case 'ㅃ' -> 'ㅂ';
                case 'ㅆ' -> 'ㅅ';
                case 'ㅉ' -> 'ㅈ';
                default -> c;
            };
        }
        if (!isSyllable(c)) {
            return c;
        }
        int i = initial(c);
        int m = medial(c);
        int f = fin(c);
        i = switch (i) {
            case 1 -> 0;
            case 4 -> 3;
            case 8 -> 7;
            case 10 -> 9;
            case 13 -> 12;
            default -> i;
        };
        m = switch (m) {
            case 19, 16 -> 20;
            case 5 -> 1;
            case 7 -> 3;
            default -> m;
        };
        f = switch (f) {
            case 2 -> 1;
            case 20 -> 19;
            default -> f;
        };
        return syllable(i, m, f);
    }

    static String loose(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(loose(text.charAt(i)));
        }
        return out.toString();
    }

    /** The jamo a Latin key types in Korean mode, or 0 when it is not a letter key. */
    static char keyboard(char latin) {
        Character jamo = KEYBOARD.get(latin);
        if (jamo == null) {
            jamo = KEYBOARD.get(Character.toLowerCase(latin));
        }
        return jamo == null ? 0 : jamo;
    }

    /** Two vowels typed one after the other that make one (ㅗ+ㅏ = ㅘ), or 0. */
    static char compoundVowel(char first, char second) {
        return switch ("" + first + second) {
            case "ㅗㅏ" -> 'ㅘ';
            case "ㅗㅐ" -> 'ㅙ';
            case "ㅗㅣ" -> 'ㅚ';
            case "ㅜㅓ" -> 'ㅝ';
            case "ㅜㅔ" -> 'ㅞ';
            case "ㅜㅣ" -> 'ㅟ';
            case "ㅡㅣ" -> 'ㅢ';
            default -> 0;
        };
    }

    /** Two consonants typed one after the other that make one final (ㄱ+ㅅ = ㄳ), or 0. */
    static char compoundFinal(char first, char second) {
        return switch ("" + first + second) {
            case "ㄱㅅ" -> 'ㄳ';
            case "ㄴㅈ" -> 'ㄵ';
            case "ㄴㅎ" -> 'ㄶ';
            case "ㄹㄱ" -> 'ㄺ';
            case "ㄹㅁ" -> 'ㄻ';
            case "ㄹㅂ" -> 'ㄼ';
            case "ㄹㅅ" -> 'ㄽ';
            case "ㄹㅌ" -> 'ㄾ';
            case "ㄹㅍ" -> 'ㄿ';
            case "ㄹㅎ" -> 'ㅀ';
            case "ㅂㅅ" -> 'ㅄ';
            default -> 0;
        };
    }
}
