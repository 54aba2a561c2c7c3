package io.vigie.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of the query language (grammar in the module README). {@code fieldsAllowed} is what tells a
 * search query from a watched brand's: the same words, phrases and operators, plus field filters in search.
 */
final class QueryParser {
    static final int MAX_NEAR = 50;
    static final int MAX_LENGTH = 4_000;

    private static final Pattern FIELD = Pattern.compile("([A-Za-z]+)(:|>=|<=|>|<)(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern RELATIVE_DATE = Pattern.compile("now(-\\d{1,4}[dhwM])?");

    private enum Kind { WORD, PHRASE, AND, OR, NOT, MINUS, NEAR, FIELD, OPEN, CLOSE, END }

    /**
     * @param distance NEAR's words between, or a loose phrase's slack (-1 for an exact phrase)
     * @param filter a field filter, already checked
     */
    private record Token(Kind kind, String text, int at, int distance, boolean ordered, QueryNode.Filter filter) {
        Token(Kind kind, String text, int at) {
            this(kind, text, at, -1, false, null);
        }

        String describe() {
            return switch (kind) {
                case END -> "end of query";
                case PHRASE -> "phrase \"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private final List<Token> tokens;
    private final boolean fieldsAllowed;
    private int next;

    private QueryParser(String query, boolean fieldsAllowed) {
        this.fieldsAllowed = fieldsAllowed;
        this.tokens = lex(query);
    }

    /** The tree of a non-blank query; refuses a query that is only a NOT unless {@code fieldsAllowed} (search). */
    static QueryNode parse(String query, boolean fieldsAllowed) {
        if (query == null || query.isBlank()) {
            throw new QueryParseException("query.empty", 0);
        }
        if (query.length() > MAX_LENGTH) {
            throw new QueryParseException("query.tooLong", MAX_LENGTH, MAX_LENGTH);
        }
        QueryParser parser = new QueryParser(query, fieldsAllowed);
        QueryNode root = parser.or();
        Token next = parser.peek();
        if (next.kind != Kind.END) {
            throw next.kind == Kind.CLOSE
                    ? new QueryParseException("query.close.unmatched", next.at)
                    : new QueryParseException("query.unexpected", next.at, next.describe());
        }
        if (root instanceof QueryNode.Not && !fieldsAllowed) {
            throw new QueryParseException("query.onlyNot", 0);
        }
        return root;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private QueryNode or() {
        List<QueryNode> options = new ArrayList<>();
        options.add(and());
        while (peek().kind == Kind.OR) {
            requireOperand(take());
            options.add(and());
        }
        if (options.size() == 1) {
            return options.get(0);
        }
        if (options.stream().allMatch(o -> o instanceof QueryNode.Positional)) {
            return new QueryNode.PositionalAnyOf(options.stream().map(o -> (QueryNode.Positional) o).toList());
        }
        return new QueryNode.AnyOf(options);
    }

    private QueryNode and() {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(near());
        while (true) {
            Kind k = peek().kind;
            if (k == Kind.AND) {
                requireOperand(take());
            } else if (!startsOperand(k)) {
                break;
            }
            parts.add(near());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.AllOf(parts);
    }

    private static boolean startsOperand(Kind k) {
        return k == Kind.WORD || k == Kind.PHRASE || k == Kind.NOT || k == Kind.MINUS || k == Kind.OPEN || k == Kind.FIELD;
    }

    private QueryNode near() {
        int leftAt = peek().at;
        QueryNode left = unary();
        while (peek().kind == Kind.NEAR) {
            Token near = take();
            requireOperand(near);
            int rightAt = peek().at;
            QueryNode right = unary();
            String op = near.ordered ? "ONEAR" : "NEAR";
            if (!(left instanceof QueryNode.Positional l)) {
                throw new QueryParseException("query.near.left", leftAt, op);
            }
            if (!(right instanceof QueryNode.Positional r)) {
                throw new QueryParseException("query.near.right", rightAt, op);
            }
            left = new QueryNode.Near(l, r, near.distance, near.ordered);
        }
        return left;
    }

    private QueryNode unary() {
        Token t = peek();
        if (t.kind == Kind.NOT || t.kind == Kind.MINUS) {
            take();
            requireOperand(t);
            return new QueryNode.Not(unary());
        }
        return primary();
    }

    private QueryNode primary() {
        Token t = take();
        switch (t.kind) {
            case OPEN -> {
                if (peek().kind == Kind.CLOSE) {
                    throw new QueryParseException("query.parentheses.empty", t.at);
                }
                QueryNode inner = or();
                Token close = take();
                if (close.kind != Kind.CLOSE) {
                    throw close.kind == Kind.END
                            ? new QueryParseException("query.open.unclosed", close.at, t.at)
                            : new QueryParseException("query.close.expected", close.at, close.describe());
                }
                return inner;
            }
            case PHRASE -> {
                List<String> words = TextTokens.words(t.text);
                if (words.isEmpty()) {
                    throw new QueryParseException("query.phrase.noWords", t.at);
                }
                if (words.size() == 1) {
                    return new QueryNode.Word(words.get(0), false);
                }
                return t.distance < 0 ? new QueryNode.Phrase(words) : new QueryNode.Proximity(words, t.distance);
            }
            case WORD -> {
                return word(t);
            }
            case FIELD -> {
                if (!fieldsAllowed) {
                    throw new QueryParseException("query.field.searchOnly", t.at, t.filter.field().queryName());
                }
                return t.filter;
            }
            case END -> throw new QueryParseException("query.end.early", t.at);
            default -> throw new QueryParseException("query.operand.expected", t.at, t.describe());
        }
    }

    private static QueryNode word(Token t) {
        boolean prefix = t.text.endsWith("*");
        String body = prefix ? t.text.substring(0, t.text.length() - 1) : t.text;
        if (body.contains("*")) {
            throw new QueryParseException("query.prefix.star", t.at + body.indexOf('*'));
        }
        List<String> words = TextTokens.words(body);
        if (words.isEmpty()) {
            throw new QueryParseException("query.word.noLetters", t.at, t.text);
        }
        if (prefix && words.size() > 1) {
            throw new QueryParseException("query.prefix.oneWord", t.at);
        }
        if (prefix && words.get(0).length() < 3) {
            throw new QueryParseException("query.prefix.short", t.at);
        }
        // "coca-cola" or "l'oréal" are several folded words: match them as a phrase.
        return words.size() == 1 ? new QueryNode.Word(words.get(0), prefix) : new QueryNode.Phrase(words);
    }

    private void requireOperand(Token operator) {
        Token after = peek();
        if (after.kind == Kind.END) {
            throw new QueryParseException("query.operator.nothingAfter", after.at, operator.text, operator.at);
        }
        if (after.kind == Kind.AND || after.kind == Kind.OR || after.kind == Kind.NEAR || after.kind == Kind.CLOSE) {
            throw new QueryParseException("query.operator.badOperand", after.at, operator.text, after.describe());
        }
    }

    private static List<Token> lex(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, ")", i++));
            } else if (isQuote(c)) {
                int end = closingQuote(q, i);
                String phrase = q.substring(i + 1, end);
                int start = i;
                i = end + 1;
                int distance = -1;
                if (i < q.length() && q.charAt(i) == '~') {
                    int digitsEnd = i + 1;
                    while (digitsEnd < q.length() && Character.isDigit(q.charAt(digitsEnd))) {
                        digitsEnd++;
                    }
                    distance = distance(q.substring(i + 1, digitsEnd), i + 1, "\"…\"~");
                    i = digitsEnd;
                }
                out.add(new Token(Kind.PHRASE, phrase, start, distance, false, null));
            } else if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                out.add(new Token(Kind.MINUS, "-", i++));
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '('
                        && q.charAt(i) != ')' && !isQuote(q.charAt(i))) {
                    i++;
                }
                String word = q.substring(start, i);
                Matcher field = FIELD.matcher(word);
                Optional<QueryField> known = field.matches() ? QueryField.named(field.group(1)) : Optional.empty();
                if (known.isPresent()) {
                    String value = field.group(3);
                    int valueAt = start + field.end(2);
                    if (value.isEmpty() && i < q.length() && isQuote(q.charAt(i)) && field.group(2).equals(":")) {
                        int end = closingQuote(q, i);
                        value = q.substring(i + 1, end);
                        valueAt = i + 1;
                        i = end + 1;
                    }
                    out.add(new Token(Kind.FIELD, word, start, -1, false,
                            filter(known.get(), field.group(2), value.strip(), valueAt)));
                } else if (field.matches() && field.group(2).equals(":") && !field.group(3).startsWith("/")) {
                    throw new QueryParseException("query.field.unknown", start, field.group(1), QueryField.allNames());
                } else {
                    out.add(keyword(word, start));
                }
            }
        }
        out.add(new Token(Kind.END, "", q.length()));
        return out;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '«';
    }

    private static int closingQuote(String q, int open) {
        char c = q.charAt(open);
        char closing = c == '"' ? '"' : c == '“' ? '”' : '»';
        int end = q.indexOf(closing, open + 1);
        if (end < 0) {
            throw new QueryParseException("query.phrase.unclosed", open);
        }
        return end;
    }

    private static Token keyword(String word, int at) {
        switch (word) {
            case "AND", "&&" -> { return new Token(Kind.AND, word, at); }
            case "OR", "||" -> { return new Token(Kind.OR, word, at); }
            case "NOT" -> { return new Token(Kind.NOT, word, at); }
            default -> { }
        }
        for (String op : List.of("NEAR", "ONEAR")) {
            if (word.equals(op) || word.startsWith(op + "/")) {
                int n = distance(word.length() > op.length() ? word.substring(op.length() + 1) : "",
                        at + Math.min(word.length(), op.length() + 1), op + "/");
                return new Token(Kind.NEAR, word, at, n, op.equals("ONEAR"), null);
            }
        }
        return new Token(Kind.WORD, word, at);
    }

    private static int distance(String digits, int at, String operator) {
        if (!digits.matches("\\d{1,3}")) {
            throw new QueryParseException("query.near.syntax", at, operator);
        }
        int distance = Integer.parseInt(digits);
        if (distance > MAX_NEAR) {
            throw new QueryParseException("query.near.distance", at, operator, distance, MAX_NEAR);
        }
        return distance;
    }

    private static QueryNode.Filter filter(QueryField field, String op, String value, int at) {
        if (value.isEmpty()) {
            throw new QueryParseException("query.field.noValue", at, field.queryName());
        }
        if (!field.ranged()) {
            if (!op.equals(":")) {
                throw new QueryParseException("query.field.noComparison", at - op.length(), field.queryName());
            }
            return new QueryNode.FieldTerm(field, termValue(field, value, at));
        }
        switch (op) {
            case ">" -> { return new QueryNode.FieldRange(field, bound(field, value, at), false, null, false); }
            case ">=" -> { return new QueryNode.FieldRange(field, bound(field, value, at), true, null, false); }
            case "<" -> { return new QueryNode.FieldRange(field, null, false, bound(field, value, at), false); }
            case "<=" -> { return new QueryNode.FieldRange(field, null, false, bound(field, value, at), true); }
            default -> { }
        }
        int dots = value.indexOf("..");
        if (dots < 0) {
            String exact = bound(field, value, at);
            return new QueryNode.FieldRange(field, exact, true, exact, true);
        }
        String from = value.substring(0, dots).strip();
        String to = value.substring(dots + 2).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw new QueryParseException("query.field.noValue", at, field.queryName());
        }
        String lower = from.isEmpty() ? null : bound(field, from, at);
        String upper = to.isEmpty() ? null : bound(field, to, at + dots + 2);
        if (lower != null && upper != null && field.type() == QueryField.Type.NUMBER
                && Long.parseLong(lower) > Long.parseLong(upper)) {
            throw new QueryParseException("query.range.reversed", at, field.queryName());
        }
        return new QueryNode.FieldRange(field, lower, true, upper, true);
    }

    private static String termValue(QueryField field, String value, int at) {
        return switch (field) {
            case SENTIMENT -> {
                String label = value.toUpperCase(Locale.ROOT);
                if (!List.of("POSITIVE", "NEGATIVE", "NEUTRAL").contains(label)) {
                    throw new QueryParseException("query.field.badValue", at, field.queryName(), value,
                            "positive, negative, neutral");
                }
                yield label;
            }
            case KIND -> {
                String kind = value.toLowerCase(Locale.ROOT);
                if (!List.of("post", "comment", "video").contains(kind)) {
                    throw new QueryParseException("query.field.badValue", at, field.queryName(), value, "post, comment, video");
                }
                yield kind;
            }
            // The response desk writes the state as its enum name (ResponseStatus: OPEN, ASSIGNED, ...).
            case STATUS -> {
                String status = value.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!List.of("OPEN", "ASSIGNED", "ANSWERED", "NO_ANSWER_NEEDED").contains(status)) {
                    throw new QueryParseException("query.field.badValue", at, field.queryName(), value,
                            "open, assigned, answered, no_answer_needed");
                }
                yield status;
            }
            case LANG, HOST -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    private static String bound(QueryField field, String value, int at) {
        if (field.type() == QueryField.Type.NUMBER) {
            if (!NUMBER.matcher(value).matches()) {
                throw new QueryParseException("query.range.number", at, field.queryName(), value);
            }
            return value;
        }
        if (RELATIVE_DATE.matcher(value).matches()) {
            return value;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).toString() : Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new QueryParseException("query.range.date", at, field.queryName(), value);
        }
    }
}
