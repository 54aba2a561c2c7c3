package io.vigie.analyze.bench;

import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.WatchedBrand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Mentions for the benchmark, built from the shared tweets (French DEFT 2017 and English TweetEval, mixed): each
 * tweet gets one brand name (one in ten gets two) at a random place; 10% are retweet-like copies of a recent
 * mention on another site, 3% re-deliveries of a recent mention (same id and version).
 */
final class BenchMentions {
    static final int BRANDS = 50;
    private static final String[] FIRST = {"kry", "vel", "mar", "tor", "lum", "zan", "bri", "cor", "dex", "fal"};
    private static final String[] SECOND = {"ptonix", "orami", "ixel", "anova", "eonic"};

    private final List<String> texts = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private final Random random = new Random(42);
    private final RawMention[] recent = new RawMention[500];
    private long next;

    BenchMentions(Path sharedData) {
        load(sharedData.resolve("sentiment/deft2017-fr/train_text.txt"), "fr");
        load(sharedData.resolve("sentiment/deft2017-fr/val_text.txt"), "fr");
        load(sharedData.resolve("sentiment/tweeteval-en/umsab_train_text.txt"), "en");
        load(sharedData.resolve("sentiment/tweeteval-en/val_text.txt"), "en");
    }

    private void load(Path file, String language) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing shared data " + file + ": the benchmark needs ../shared/data");
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    texts.add(line.strip());
                    languages.add(language);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int tweets() {
        return texts.size();
    }

    static String brandName(int i) {
        String n = FIRST[i % FIRST.length] + SECOND[i / FIRST.length % SECOND.length];
        return n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
    }

    static String brandId(int i) {
        return "brand-" + brandName(i).toLowerCase(Locale.ROOT);
    }

    /** 50 brands; queries mix aliases, phrases, prefixes, NEAR and homonym exclusions. */
    static List<WatchedBrand> brands(Instant now) {
        List<WatchedBrand> out = new ArrayList<>();
        for (int i = 0; i < BRANDS; i++) {
            String n = brandName(i).toLowerCase(Locale.ROOT);
            String query = switch (i % 4) {
                case 0 -> n + " OR \"" + n + " group\" -superman -\"clark kent\"";
                case 1 -> "(" + n + " OR " + n.substring(0, 4) + "co) NOT (lottery OR \"free gift\")";
                case 2 -> n + " OR (" + n.substring(0, 5) + " NEAR/2 (corp OR sa OR inc))";
                default -> n + "* -spam";
            };
            out.add(new WatchedBrand(Schema.VERSION, brandId(i), brandName(i), query, List.of(), false, now));
        }
        return out;
    }

    /** A mention of a brand in [fromBrand, toBrand), published now. */
    RawMention next(int fromBrand, int toBrand, Instant now) {
        int roll = random.nextInt(100);
        RawMention old = recent[random.nextInt(recent.length)];
        if (old != null && roll < 3) {
            return old; // a re-delivery: same id, same version
        }
        String id = "bench-" + (next++);
        RawMention m;
        if (old != null && roll < 13) {
            String host = "site" + random.nextInt(400) + ".example";
            m = mention(id, host, "RT @user" + random.nextInt(1000) + ": " + old.text(), old.languageHint(), now);
        } else {
            int t = random.nextInt(texts.size());
            String text = insert(texts.get(t), brandName(fromBrand + random.nextInt(toBrand - fromBrand)));
            if (random.nextInt(10) == 0) {
                text = insert(text, brandName(fromBrand + random.nextInt(toBrand - fromBrand)));
            }
            m = mention(id, "site" + random.nextInt(400) + ".example", text, languages.get(t), now);
        }
        recent[random.nextInt(recent.length)] = m;
        return m;
    }

    /** A mention of one brand, for the spike. */
    RawMention of(int brand, Instant now) {
        int t = random.nextInt(texts.size());
        return mention("bench-" + (next++), "site" + random.nextInt(400) + ".example",
                insert(texts.get(t), brandName(brand)), languages.get(t), now);
    }

    private String insert(String text, String brand) {
        String[] words = text.split(" ");
        int at = random.nextInt(words.length + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= words.length; i++) {
            if (i == at) {
                b.append(random.nextInt(4) == 0 ? "#" + brand : brand).append(' ');
            }
            if (i < words.length) {
                b.append(words[i]).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static RawMention mention(String id, String host, String text, String language, Instant now) {
        return new RawMention(Schema.VERSION, id, 1, host, host, MentionKind.POST, "https://" + host + "/" + id, null,
                null, null, "", text, null, List.of(), List.of(), now, now, language,
                new Engagement(null, 5L, null, 1L, 2L, null, null), new Provenance("bench", host, null, null));
    }
}
