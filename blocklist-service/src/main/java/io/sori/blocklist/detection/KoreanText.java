package io.sori.blocklist.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * A message as the detector reads it: one unit per Hangul syllable (or lone jamo, or other letter),
 * in the loose form of {@link Hangul#loose(char)}, each knowing where it came from in the original
 * text and whether a space or a symbol came before it. Evasions are undone on the way: jamo typed
 * one by one are put together (ㅅㅣㅂㅏㄹ), look-alikes read as the letter they imitate (ㅅl발, ^^ㅣ발,
 * c발, 시8), a digit or symbol wedged between syllables counts as a gap (시1발, 병.신), and in the
 * keyboard reading Latin letters are what they type in Korean mode (tlqkf).
 */
final class KoreanText {

    /** @param boundaryBefore a space, a symbol or the start of the text comes right before this unit */
    record Unit(char c, int from, int to, boolean boundaryBefore) {
    }

    private record Atom(char c, int from, int to) {
        boolean separator() {
            return c == ' ';
        }
    }

    private static final String LOOKS_LIKE_I = "1l|!i";
    private static final String SOUNDS_LIKE_SI = "시씨ㅅㅆ";

    private final List<Unit> units;
    private final String joined;

    private KoreanText(List<Unit> units) {
        this.units = units;
        StringBuilder b = new StringBuilder(units.size());
        units.forEach(u -> b.append(u.c()));
        this.joined = b.toString();
    }

    /** The text as typed. */
    static KoreanText read(String text) {
        return new KoreanText(compose(lookAlikes(atoms(text, false))));
    }

    /** The text as if its Latin words had been typed in Korean mode (tlqkf → 시발). */
    static KoreanText readAsKoreanKeyboard(String text) {
        return new KoreanText(compose(atoms(text, true)));
    }

    List<Unit> units() {
        return units;
    }

    /** The units' letters, one char per unit: offsets in it are unit indices. */
    String joined() {
        return joined;
    }

    boolean startsToken(int index) {
        return units.get(index).boundaryBefore();
    }

    private static List<Atom> atoms(String text, boolean keyboard) {
        List<Atom> atoms = new ArrayList<>(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = halfWidth(text.charAt(i));
            if (keyboard && isAsciiLetter(c)) {
                int end = i;
                while (end < text.length() && isAsciiLetter(halfWidth(text.charAt(end)))) {
                    end++;
                }
                boolean word = end - i >= 2;
                for (int k = i; k < end; k++) {
                    char key = halfWidth(text.charAt(k));
                    atoms.add(new Atom(word ? Hangul.keyboard(key) : Character.toLowerCase(key), k, k + 1));
                }
                i = end;
                continue;
            }
            if (c == 'ㅄ' || c == 'ㄳ') { // one key for two initials: ㅄ is ㅂㅅ (병신)
                atoms.add(new Atom(c == 'ㅄ' ? 'ㅂ' : 'ㄱ', i, i + 1));
                atoms.add(new Atom('ㅅ', i, i + 1));
            } else if (Hangul.isHangul(c) || Character.isLetterOrDigit(c) || c == '^' || c == '|' || c == '!') {
                atoms.add(new Atom(Character.toLowerCase(c), i, i + 1));
            } else {
                atoms.add(new Atom(' ', i, i + 1));
            }
            i++;
        }
        return atoms;
    }

    private static List<Atom> lookAlikes(List<Atom> atoms) {
        List<Atom> out = new ArrayList<>(atoms.size());
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            char prev = i > 0 ? out.get(out.size() - 1).c() : ' ';
            char next = i + 1 < atoms.size() ? atoms.get(i + 1).c() : ' ';
            char c = a.c();
            if (LOOKS_LIKE_I.indexOf(c) >= 0 && Hangul.isConsonant(prev) && Hangul.isSyllable(next)) {
                c = 'ㅣ';                                     // ㅅl발 (but ㅅ1ㅂ is ㅅ, a filler, ㅂ)
            } else if (c == '^' && (Hangul.isVowel(next) || LOOKS_LIKE_I.indexOf(next) >= 0 || next == '^')) {
                c = 'ㅅ';                                     // ^^ㅣ발
            } else if (c == '8' && SOUNDS_LIKE_SI.indexOf(prev) >= 0) {
                c = '팔';                                     // 시8, ㅆ8
            } else if (c == 'c' && !isAsciiLetter(prev) && (Hangul.isSyllable(next) || next == '8')) {
                c = '씨';                                     // c발, c8
            } else if (c == 'g' && !isAsciiLetter(prev) && Hangul.isSyllable(next)) {
                c = '지';                                     // g랄
            } else if (!Hangul.isHangul(c) && c != ' ' && Hangul.isHangul(prev) && Hangul.isHangul(next)) {
                c = ' ';                                      // 시1발, 병*신
            } else if (c == '^' || c == '|' || c == '!') {
                c = ' ';
            }
            out.add(new Atom(c, a.from(), a.to()));
        }
        return out;
    }

    /** Puts jamo typed one by one together into syllables, and marks where the gaps were. */
    private static List<Unit> compose(List<Atom> atoms) {
        List<Unit> units = new ArrayList<>(atoms.size());
        boolean gap = true;
        int i = 0;
        while (i < atoms.size()) {
            Atom a = atoms.get(i);
            if (a.separator()) {
                gap = true;
                i++;
                continue;
            }
            char c = a.c();
            int from = a.from();
            int to = a.to();
            int used = 1;
            if (Hangul.isConsonant(c) && vowelAt(atoms, i + 1)) {
                int initial = Hangul.INITIALS.indexOf(c);
                char vowel = atoms.get(i + 1).c();
                used = 2;
                if (vowelAt(atoms, i + 2) && Hangul.compoundVowel(vowel, atoms.get(i + 2).c()) != 0) {
                    vowel = Hangul.compoundVowel(vowel, atoms.get(i + 2).c());
                    used = 3;
                }
                int fin = 0;
                if (consonantAt(atoms, i + used) && !vowelAt(atoms, i + used + 1)) {
                    char f = atoms.get(i + used).c();
                    char compound = consonantAt(atoms, i + used + 1) && !vowelAt(atoms, i + used + 2)
                            ? Hangul.compoundFinal(f, atoms.get(i + used + 1).c()) : 0;
                    int index = Hangul.FINALS.indexOf(compound != 0 ? compound : f);
                    if (index > 0 && initial >= 0) {
                        fin = index;
                        used += compound != 0 ? 2 : 1;
                    }
                }
                if (initial >= 0) {
                    c = Hangul.syllable(initial, Hangul.MEDIALS.indexOf(vowel), fin);
                    to = atoms.get(i + used - 1).to();
                } else {
                    used = 1;
                }
            }
            units.add(new Unit(Hangul.loose(c), from, to, gap));
            gap = false;
            i += used;
        }
        return units;
    }

    private static boolean vowelAt(List<Atom> atoms, int i) {
        return i < atoms.size() && Hangul.isVowel(atoms.get(i).c());
    }

    private static boolean consonantAt(List<Atom> atoms, int i) {
        return i < atoms.size() && Hangul.isConsonant(atoms.get(i).c());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Full-width Latin and digits (ｓｉｂａｌ, １８) as ordinary ones. */
    static char halfWidth(char c) {
        return c >= '！' && c <= '～' ? (char) (c - 0xFEE0) : c;
    }
}
