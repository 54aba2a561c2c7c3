package io.vigie.analyze.sentiment.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One split of a data folder in the shared layout: texts, and labels when the folder has them.
 *
 * @param name e.g. "deft2017-fr/val"
 * @param texts one text per line, TweetEval's {@code \\uXXXX} escapes decoded
 * @param labels 0 negative, 1 neutral, 2 positive, one per text; empty when the split has no labels file
 */
public record LabelledTexts(String name, List<String> texts, List<Integer> labels) {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    public LabelledTexts {
        texts = List.copyOf(texts);
        labels = List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != texts.size()) {
            throw new IllegalArgumentException(name + ": " + texts.size() + " texts but " + labels.size() + " labels");
        }
    }

    public boolean hasLabels() {
        return !labels.isEmpty();
    }

    public int size() {
        return texts.size();
    }

    /** The texts (with their labels) at these positions, in order. */
    public LabelledTexts select(String suffix, List<Integer> positions) {
        List<String> t = new ArrayList<>(positions.size());
        List<Integer> l = new ArrayList<>(positions.size());
        for (int i : positions) {
            t.add(texts.get(i));
            if (hasLabels()) {
                l.add(labels.get(i));
            }
        }
        return new LabelledTexts(name + suffix, t, l);
    }

    /**
     * Positions of the texts that do not also appear in {@code other}. The shared TweetEval folder's UMSAB training
     * split contains 1,430 of the 2,000 validation tweets, so a model trained on it is only judged on the rest.
     */
    public List<Integer> positionsNotIn(LabelledTexts other) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String t : other.texts()) {
            seen.add(t.strip());
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!seen.contains(texts.get(i).strip())) {
                out.add(i);
            }
        }
        return out;
    }

    /** These texts followed by {@code other}'s; both must be labelled. */
    public LabelledTexts plus(LabelledTexts other) {
        if (!hasLabels() || !other.hasLabels()) {
            throw new IllegalArgumentException("cannot join " + name + " and " + other.name() + ": both need labels");
        }
        List<String> t = new ArrayList<>(texts);
        t.addAll(other.texts());
        List<Integer> l = new ArrayList<>(labels);
        l.addAll(other.labels());
        return new LabelledTexts(name + "+" + other.name(), t, l);
    }

    /**
     * {@code n} texts drawn without replacement by a seeded shuffle, kept in their original order. The files are
     * in collection order (SemEval 2013 first), so a prefix would be a different population than the whole.
     */
    public LabelledTexts sample(int n, long seed) {
        List<Integer> positions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            positions.add(i);
        }
        java.util.Collections.shuffle(positions, new java.util.Random(seed));
        List<Integer> kept = new ArrayList<>(positions.subList(0, Math.min(n, positions.size())));
        java.util.Collections.sort(kept);
        return select("[sample " + kept.size() + "]", kept);
    }

    public LabelledTexts first(int n) {
        int k = Math.min(n, texts.size());
        return new LabelledTexts(name + "[0:" + k + "]", texts.subList(0, k),
                hasLabels() ? labels.subList(0, k) : List.of());
    }

    /** Reads {@code dir/<split>_text.txt} and, when present, {@code dir/<split>_labels.txt}. */
    public static LabelledTexts read(Path dir, String split) {
        Path textFile = dir.resolve(split + "_text.txt");
        if (!Files.isRegularFile(textFile)) {
            throw new IllegalArgumentException("no " + textFile.getFileName() + " in " + dir
                    + " (expected the shared layout: <split>_text.txt, optional <split>_labels.txt)");
        }
        try {
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(textFile, StandardCharsets.UTF_8)) {
                texts.add(unescape(line));
            }
            // A trailing empty line is the file's end, not a tweet.
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            List<Integer> labels = new ArrayList<>();
            Path labelFile = dir.resolve(split + "_labels.txt");
            if (Files.isRegularFile(labelFile)) {
                int lineNo = 0;
                for (String line : Files.readAllLines(labelFile, StandardCharsets.UTF_8)) {
                    lineNo++;
                    String l = line.strip();
                    if (l.isEmpty()) {
                        continue;
                    }
                    if (!l.equals("0") && !l.equals("1") && !l.equals("2")) {
                        throw new IllegalArgumentException(labelFile + " line " + lineNo
                                + ": label must be 0, 1 or 2, got '" + l + "'");
                    }
                    labels.add(Integer.parseInt(l));
                }
            }
            return new LabelledTexts(dir.getFileName() + "/" + split, texts, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + textFile, e);
        }
    }

    /**
     * The split to evaluate in a folder when none is named: "val" when present, else "test", else the only
     * {@code *_text.txt} there.
     */
    public static String defaultSplit(Path dir) {
        if (Files.isRegularFile(dir.resolve("val_text.txt"))) {
            return "val";
        }
        if (Files.isRegularFile(dir.resolve("test_text.txt"))) {
            return "test";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> splits = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_text.txt"))
                    .map(n -> n.substring(0, n.length() - "_text.txt".length())).sorted().toList();
            if (splits.size() == 1) {
                return splits.get(0);
            }
            throw new IllegalArgumentException(dir + " has " + (splits.isEmpty() ? "no *_text.txt file"
                    : "several splits " + splits + ": name one with --split"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The training split of a folder, "train" or "umsab_train", or null when it has none. */
    public static String trainingSplitOrNull(Path dir) {
        for (String s : List.of("train", "umsab_train")) {
            if (Files.isRegularFile(dir.resolve(s + "_text.txt"))) {
                return s;
            }
        }
        return null;
    }

    /** The training split of a folder: "train" or "umsab_train". */
    public static String trainingSplit(Path dir) {
        for (String s : List.of("train", "umsab_train")) {
            if (Files.isRegularFile(dir.resolve(s + "_text.txt"))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no train_text.txt or umsab_train_text.txt in " + dir);
    }

    static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        Matcher m = ESCAPE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
