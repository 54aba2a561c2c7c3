package io.vigie.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query. Words, phrases, their OR, NEAR and proximity are "positional": they know where in the text they
 * matched, which NEAR needs. AND and NOT only say whether the text matches. Field filters ({@link FieldTerm},
 * {@link FieldRange}) exist only in a {@link SearchQuery}: they judge what a mention is, which a text cannot say.
 */
public sealed interface QueryNode {

    boolean matches(TextTokens text);

    /** Leaves that name the brand: a sentence containing one of them mentions the brand (see {@link BrandMatcher}). */
    void collectNames(List<QueryNode> names);

    /** Where a positional node matched; a span is {start, end} word positions, end inclusive. */
    sealed interface Positional extends QueryNode {
        List<int[]> spans(TextTokens text);

        @Override
        default boolean matches(TextTokens text) {
            return !spans(text).isEmpty();
        }
    }

    /** One word, or every word starting with a prefix when written {@code krypto*}. */
    record Word(String word, boolean prefix) implements Positional {
        @Override
        public List<int[]> spans(TextTokens text) {
            List<Integer> at = prefix ? text.positionsOfPrefix(word) : text.positionsOf(word);
            List<int[]> out = new ArrayList<>(at.size());
            for (int p : at) {
                out.add(new int[] {p, p});
            }
            return out;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            names.add(this);
        }
    }

    /** Words in this exact order, nothing between them. */
    record Phrase(List<String> words) implements Positional {
        public Phrase {
            words = List.copyOf(words);
        }

        @Override
        public List<int[]> spans(TextTokens text) {
            List<int[]> out = new ArrayList<>();
            for (int start : text.positionsOf(words.get(0))) {
                boolean all = start + words.size() <= text.size();
                for (int i = 1; all && i < words.size(); i++) {
                    all = text.words().get(start + i).equals(words.get(i));
                }
                if (all) {
                    out.add(new int[] {start, start + words.size() - 1});
                }
            }
            return out;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            names.add(this);
        }
    }

    /** Either side; positional when both sides are. */
    record AnyOf(List<QueryNode> options) implements QueryNode {
        public AnyOf {
            options = List.copyOf(options);
        }

        @Override
        public boolean matches(TextTokens text) {
            for (QueryNode o : options) {
                if (o.matches(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            options.forEach(o -> o.collectNames(names));
        }
    }

    /** An OR whose options are all positional, so it can stand beside NEAR. */
    record PositionalAnyOf(List<Positional> options) implements Positional {
        public PositionalAnyOf {
            options = List.copyOf(options);
        }

        @Override
        public List<int[]> spans(TextTokens text) {
            List<int[]> out = new ArrayList<>();
            options.forEach(o -> out.addAll(o.spans(text)));
            return out;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            options.forEach(o -> o.collectNames(names));
        }
    }

    /** Every part. The brand's name is the first part that is not a NOT. */
    record AllOf(List<QueryNode> parts) implements QueryNode {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean matches(TextTokens text) {
            for (QueryNode p : parts) {
                if (!p.matches(text)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            for (QueryNode p : parts) {
                if (!(p instanceof Not)) {
                    p.collectNames(names);
                    return;
                }
            }
        }
    }

    /** The text must not match; this is how homonyms are excluded. */
    record Not(QueryNode negated) implements QueryNode {
        @Override
        public boolean matches(TextTokens text) {
            return !negated.matches(text);
        }

        @Override
        public void collectNames(List<QueryNode> names) {}
    }

    /**
     * Both sides with at most {@code distance} words between them: in either order ({@code NEAR/n}), or the left
     * side first when {@code ordered} ({@code ONEAR/n}).
     */
    record Near(Positional left, Positional right, int distance, boolean ordered) implements Positional {
        public Near(Positional left, Positional right, int distance) {
            this(left, right, distance, false);
        }

        @Override
        public List<int[]> spans(TextTokens text) {
            List<int[]> out = new ArrayList<>();
            List<int[]> rights = right.spans(text);
            for (int[] l : left.spans(text)) {
                for (int[] r : rights) {
                    // Words strictly between the two sides; overlapping sides (the same word twice) never count.
                    int between = l[1] < r[0] ? r[0] - l[1] - 1 : r[1] < l[0] && !ordered ? l[0] - r[1] - 1 : -1;
                    if (between >= 0 && between <= distance) {
                        out.add(new int[] {Math.min(l[0], r[0]), Math.max(l[1], r[1])});
                    }
                }
            }
            return out;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            left.collectNames(names);
        }
    }

    /**
     * A loose phrase, {@code "a b c"~n}: every word, in any order, at distinct positions, within a window of the
     * words' count plus {@code distance} (at most {@code distance} other words among them).
     */
    record Proximity(List<String> words, int distance) implements Positional {
        public Proximity {
            words = List.copyOf(words);
        }

        @Override
        public List<int[]> spans(TextTokens text) {
            List<int[]> out = new ArrayList<>();
            int width = words.size() + distance;
            for (int start = 0; start < text.size(); start++) {
                if (!words.contains(text.words().get(start))) {
                    continue;
                }
                List<String> missing = new ArrayList<>(words);
                int end = start;
                for (; end < Math.min(text.size(), start + width) && !missing.isEmpty(); end++) {
                    missing.remove(text.words().get(end));
                }
                if (missing.isEmpty()) {
                    out.add(new int[] {start, end - 1});
                }
            }
            return out;
        }

        @Override
        public void collectNames(List<QueryNode> names) {
            names.add(this);
        }
    }

    /** A filter on what a mention is rather than on its words; only search evaluates it, in the index. */
    sealed interface Filter extends QueryNode {
        QueryField field();

        @Override
        default boolean matches(TextTokens text) {
            throw new UnsupportedOperationException(field().queryName()
                    + ": is a search filter; a text alone cannot say whether it holds (BrandQuery refuses it)");
        }

        @Override
        default void collectNames(List<QueryNode> names) {}
    }

    /** {@code lang:fr}: the field holds this value (a keyword; for {@code author:}, these words of the name). */
    record FieldTerm(QueryField field, String value) implements Filter {}

    /**
     * {@code views>1000}, {@code date:2026-11-01..2026-11-30}: a bound may be null (open). Numbers are plain
     * integers; dates are ISO dates or instants, or {@code now}, {@code now-7d} (d, h, w, M).
     */
    record FieldRange(QueryField field, String lower, boolean lowerInclusive, String upper, boolean upperInclusive)
            implements Filter {}
}
