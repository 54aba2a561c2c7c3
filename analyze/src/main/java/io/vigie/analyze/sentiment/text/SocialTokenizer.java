package io.vigie.analyze.sentiment.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokenises tweets, comments and titles for sentiment, and applies a language's negation and contrast scopes.
 * Thread-safe and allocation-light: it runs on every mention of the live pipeline.
 *
 * <p>Written by hand rather than taken from CoreNLP: its PTB tokenizer splits emoticons (":-)" becomes three
 * tokens), hashtags and elongations apart, and is several times slower than a single regular expression pass,
 * while what sentiment needs from a tweet is precisely those social markers.
 */
public final class SocialTokenizer {
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<url>https?://\\S+|www\\.\\S+|\\bhttps?\\b(?=\\s|$))",
            "(?<user>@\\w+)",
            "(?<hashtag>#[\\p{L}\\p{M}\\p{N}_]+)",
            "(?<emoticon>(?<![\\p{L}\\p{N}])(?:<3+|</3|[:;=8xX][-o^'*]?[)(\\]\\[dDpPoO/\\\\|*3$@]+|[)(\\]\\[dD/\\\\|][-o^']?[:;=8]|\\^_*\\^|[oO]_[oO]|-_-|T_T|xD+)(?![\\p{L}\\p{N}]))",
            "(?<word>[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*['’]?)",
            "(?<number>\\p{N}+(?:[.,]\\p{N}+)*%?)",
            "(?<emoji>[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{2300}-\\x{23FF}\\x{2190}-\\x{21FF}\\x{2764}\\x{2665}\\x{263A}\\x{2639}][\\x{FE0F}\\x{200D}\\x{1F3FB}-\\x{1F3FF}]*)",
            "(?<punct>[!?]+|\\.{2,}|…|[.,;:()\"«»“”])"));
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    /** Splits {@code text} into tokens and marks their negation and contrast scopes under {@code rules}. */
    public List<Token> tokenize(String text, LanguageRules rules) {
        List<Token> raw = new ArrayList<>(32);
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group("url") != null) {
                raw.add(new Token(TokenKind.URL, "<url>", "<url>", false, false, false, false));
            } else if (m.group("user") != null) {
                raw.add(new Token(TokenKind.USER, "@user", "@user", false, false, false, false));
            } else if (m.group("hashtag") != null) {
                addWord(raw, m.group("hashtag").substring(1), TokenKind.HASHTAG, rules);
            } else if (m.group("emoticon") != null) {
                String e = m.group("emoticon");
                raw.add(new Token(TokenKind.EMOTICON, e, e.toLowerCase(Locale.ROOT), false, false, false, false));
            } else if (m.group("word") != null) {
                addWord(raw, m.group("word"), TokenKind.WORD, rules);
            } else if (m.group("number") != null) {
                raw.add(new Token(TokenKind.NUMBER, "<num>", "<num>", false, false, false, false));
            } else if (m.group("emoji") != null) {
                String e = m.group("emoji");
                String base = new String(Character.toChars(e.codePointAt(0)));
                raw.add(new Token(TokenKind.EMOJI, base, base, false, false, false, false));
            } else {
                String p = m.group("punct");
                String norm = p.startsWith("!") ? (p.length() > 1 ? "!!" : "!")
                        : p.startsWith("?") ? (p.length() > 1 ? "??" : "?")
                        : p.contains("!") ? "?!" : p.equals("…") ? "..." : p;
                raw.add(new Token(TokenKind.PUNCTUATION, norm, norm, false, false, false, false));
            }
        }
        return applyScopes(raw, rules);
    }

    private static void addWord(List<Token> out, String word, TokenKind kind, LanguageRules rules) {
        boolean allCaps = word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT));
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        Matcher elong = ELONGATION.matcher(lower);
        boolean elongated = elong.find();
        if (elongated) {
            lower = elong.replaceAll("$1$1");
        }
        if (rules == LanguageRules.FRENCH && kind == TokenKind.WORD) {
            // French elision: "l'avion", "qu'il", "n'aime" are two words; "aujourd'hui" stays one.
            int apostrophe = lower.indexOf('\'');
            while (apostrophe > 0 && apostrophe < lower.length() - 1) {
                String prefix = fold(lower.substring(0, apostrophe));
                String full = rules.elisions().get(prefix);
                if (full == null) {
                    break;
                }
                out.add(new Token(TokenKind.WORD, full, full, false, false, false, false));
                lower = lower.substring(apostrophe + 1);
                apostrophe = lower.indexOf('\'');
            }
            lower = lower.replace("'", "");
        } else {
            // English contractions: "don't" -> "dont", which the negator list knows.
            lower = lower.replace("'", "");
        }
        if (lower.isEmpty()) {
            return;
        }
        out.add(new Token(kind, lower, fold(lower), allCaps, elongated, false, false));
    }

    /** Removes accents: "génial" and "genial" are the same word on Twitter. */
    public static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return s;
    }

    /**
     * Negation scope: from a negator to the end of its clause (punctuation or a contrast word), at most a few
     * words, as in Das and Chen / Pang et al. French "pas", "jamais", "rien", "plus" written without "ne"
     * follow the verb they negate ("j'aime pas"), so the word just before them is negated too.
     */
    private static List<Token> applyScopes(List<Token> tokens, LanguageRules rules) {
        List<Token> out = new ArrayList<>(tokens.size());
        int negationLeft = 0;
        boolean neSeen = false;
        boolean afterContrast = false;
        for (Token t : tokens) {
            if (t.closesClause()) {
                negationLeft = 0;
                neSeen = false;
                if (!t.text().equals(",")) {
                    afterContrast = false;
                }
                out.add(t);
                continue;
            }
            if (!t.isWord()) {
                out.add(t.withScope(negationLeft > 0, afterContrast));
                continue;
            }
            String w = t.folded();
            if (rules.contrasts().contains(w)) {
                negationLeft = 0;
                neSeen = false;
                afterContrast = true;
                out.add(t.withScope(false, true));
                continue;
            }
            boolean isNegator = rules.negators().contains(w)
                    || neSeen && rules.negatorsNeedingNe().contains(w);
            if (isNegator) {
                if (rules.postVerbNegators().contains(w) && !neSeen && negationLeft == 0 && !out.isEmpty()) {
                    Token previous = out.get(out.size() - 1);
                    if (previous.isWord() && !rules.negators().contains(previous.folded())) {
                        out.set(out.size() - 1, previous.withScope(true, previous.afterContrast()));
                    }
                }
                if ("ne".equals(w)) {
                    neSeen = true;
                }
                negationLeft = 4;
                out.add(t.withScope(false, afterContrast));
                continue;
            }
            out.add(t.withScope(negationLeft > 0, afterContrast));
            if (negationLeft > 0) {
                negationLeft--;
            }
        }
        return out;
    }
}
