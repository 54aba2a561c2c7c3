package io.vigie.analyze.dedupe;

import io.vigie.query.TextTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The near-duplicate fingerprint of a text: a MinHash signature over its words and word pairs, once stripped of
 * what copies change (retweet prefixes, links, @handles, "via @x").
 *
 * <p>Why MinHash rather than SimHash: mentions are short (a tweet is 10 to 30 words) and SimHash's bit distance is
 * noisy on few features, while MinHash estimates the Jaccard similarity directly. {@link #SIZE} hashes split in
 * {@link #BANDS} bands of {@link #ROWS} (LSH): two texts sharing any band are candidates, found with one store lookup
 * per band; a candidate is a copy when the signatures agree on at least {@link #MIN_SIMILARITY} of the hashes. With
 * these numbers a pair at Jaccard 0.77 (one word changed in twelve) is a candidate 96% of the time, a pair at 0.3
 * 8% of the time.
 */
public record CopyFingerprint(int[] signature, int words) {
    public static final int SIZE = 24;
    public static final int BANDS = 8;
    public static final int ROWS = SIZE / BANDS;
    public static final double MIN_SIMILARITY = 0.6;
    /** Texts shorter than this are too short to call copies (a "lol" is not a copy of another "lol"). */
    public static final int MIN_WORDS = 5;

    private static final Pattern RETWEET = Pattern.compile("(?i)^\\s*(rt|mt)\\s+@\\w+:?\\s*");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final Pattern VIA = Pattern.compile("(?i)\\b(via|par|by)\\s+@\\w+");
    private static final int[] SEEDS = new int[SIZE];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = (int) x;
        }
    }

    public static CopyFingerprint of(String text) {
        String s = RETWEET.matcher(text == null ? "" : text).replaceFirst("");
        // The patterns scan every character; most texts have no handle and no link (JFR: a tenth of a stream thread).
        if (s.indexOf('@') >= 0) {
            s = VIA.matcher(s).replaceAll(" ");
            s = HANDLE.matcher(s).replaceAll(" ");
        }
        if (s.contains("://") || s.toLowerCase(java.util.Locale.ROOT).contains("www.")) {
            s = URL.matcher(s).replaceAll(" ");
        }
        List<String> words = TextTokens.words(s);
        Set<Long> features = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            features.add(hash(words.get(i)));
            if (i + 1 < words.size()) {
                features.add(hash(words.get(i) + " " + words.get(i + 1)));
            }
        }
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long f : features) {
            for (int i = 0; i < SIZE; i++) {
                int h = (int) mix(f ^ SEEDS[i]) & Integer.MAX_VALUE;
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return new CopyFingerprint(signature, words.size());
    }

    public boolean longEnough() {
        return words >= MIN_WORDS;
    }

    /**
     * The key that routes a text to the task holding its copies: the first MinHash. Two texts share it with a
     * probability equal to their Jaccard similarity (1 for copies that differ only by retweet prefix, links or
     * handles, 0.77 for one word changed in twelve), whatever brands they mention. A text too short to be a copy is
     * routed by {@code idIfTooShort}, which spreads those over the partitions.
     */
    public String routingKey(String idIfTooShort) {
        return longEnough() ? "copy:" + Integer.toHexString(signature[0]) : "id:" + idIfTooShort;
    }

    /** The LSH keys of the signature, one per band. */
    public List<String> bandKeys() {
        List<String> out = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + signature[b * ROWS + r]);
            }
            out.add(b + ":" + Long.toHexString(h));
        }
        return out;
    }

    /** Estimated Jaccard similarity: the share of hashes on which the two signatures agree. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** The signature in 128 characters, for a store. */
    public String encoded() {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(SIZE * 4);
        for (int v : signature) {
            buf.putInt(v);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(buf.array());
    }

    public static int[] decode(String encoded) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            out[i] = buf.getInt();
        }
        return out;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
