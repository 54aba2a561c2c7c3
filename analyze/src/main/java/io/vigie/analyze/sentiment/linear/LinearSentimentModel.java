package io.vigie.analyze.sentiment.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weights of a trained one-vs-rest logistic model over named features, three classes (negative, neutral,
 * positive). Immutable, so thread-safe.
 *
 * <p>Stored as UTF-8 text: {@code #key<TAB>value} header lines (language, solver, C, training data digest,
 * cross-validation score), a {@code #bias} line, then one {@code feature<TAB>w_neg<TAB>w_neu<TAB>w_pos} line per
 * feature, sorted, so that two trainings on the same data give the same file.
 *
 * @param header what was trained, on what, how
 * @param weights feature name to its three class weights
 * @param bias the three class intercepts
 * @param version the first 12 hex digits of the SHA-256 of the stored file
 */
public record LinearSentimentModel(Map<String, String> header, Map<String, float[]> weights, float[] bias,
                                   String version) {

    public String language() {
        return header.getOrDefault("language", "?");
    }

    public boolean charGrams() {
        return Boolean.parseBoolean(header.getOrDefault("charGrams", "false"));
    }

    /** Whether the model reads Umigon's French tone terms (header {@code umigon}). */
    public boolean umigon() {
        return Boolean.parseBoolean(header.getOrDefault("umigon", "false"));
    }

    /** Probabilities of negative, neutral and positive for these feature values. */
    public double[] probabilities(Map<String, Double> features) {
        double[] s = {bias[0], bias[1], bias[2]};
        for (Map.Entry<String, Double> e : features.entrySet()) {
            float[] w = weights.get(e.getKey());
            if (w != null) {
                double v = e.getValue();
                s[0] += w[0] * v;
                s[1] += w[1] * v;
                s[2] += w[2] * v;
            }
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            s[k] = 1 / (1 + Math.exp(-s[k]));
            sum += s[k];
        }
        for (int k = 0; k < 3; k++) {
            s[k] /= sum;
        }
        return s;
    }

    public void write(Writer out) throws IOException {
        for (Map.Entry<String, String> h : header.entrySet()) {
            out.write("#" + h.getKey() + "\t" + h.getValue() + "\n");
        }
        out.write("#bias\t" + fmt(bias[0]) + "\t" + fmt(bias[1]) + "\t" + fmt(bias[2]) + "\n");
        for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
            float[] w = e.getValue();
            out.write(e.getKey() + "\t" + fmt(w[0]) + "\t" + fmt(w[1]) + "\t" + fmt(w[2]) + "\n");
        }
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Reads a model written by {@link #write}; {@code source} names it in errors. */
    public static LinearSentimentModel read(InputStream in, String source) {
        try {
            byte[] bytes = in.readAllBytes();
            String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
            Map<String, String> header = new LinkedHashMap<>();
            Map<String, float[]> weights = new HashMap<>();
            float[] bias = null;
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (line.startsWith("#bias\t")) {
                    bias = floats(cols, source, lineNo);
                } else if (line.startsWith("#")) {
                    if (cols.length != 2) {
                        throw new IllegalArgumentException(source + " line " + lineNo + ": header needs key<TAB>value");
                    }
                    header.put(cols[0].substring(1), cols[1]);
                } else {
                    weights.put(cols[0], floats(cols, source, lineNo));
                }
            }
            if (bias == null) {
                throw new IllegalArgumentException(source + ": no #bias line, not a Vigie linear sentiment model");
            }
            return new LinearSentimentModel(header, weights, bias, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment model " + source, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] floats(String[] cols, String source, int lineNo) {
        if (cols.length != 4) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": expected name and 3 weights, got "
                    + cols.length + " columns");
        }
        try {
            return new float[] {Float.parseFloat(cols[1]), Float.parseFloat(cols[2]), Float.parseFloat(cols[3])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
        }
    }
}
