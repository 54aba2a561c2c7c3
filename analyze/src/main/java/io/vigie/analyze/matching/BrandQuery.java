package io.vigie.analyze.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled brand query: the source text and its tree. {@link #parse} refuses a query that does not parse with a
 * {@link QueryParseException} giving the character position of the problem.
 *
 * <p>Grammar (keywords in capitals; juxtaposition is AND, as in web search):
 * <pre>
 *   query   := or
 *   or      := and ( OR and )*
 *   and     := near ( [AND] near )*
 *   near    := unary ( NEAR/n unary )*        n in 0..50, words between the two sides
 *   unary   := NOT unary | -unary | primary
 *   primary := ( or ) | "exact phrase" | word | word*
 * </pre>
 */
public final class BrandQuery {
    static final int MAX_NEAR = 50;
    static final int MAX_LENGTH = 4_000;

    private final String source;
    private final QueryNode root;

    private BrandQuery(String source, QueryNode root) {
        this.source = source;
        this.root = root;
    }

    public static BrandQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryParseException("the query is empty", 0);
        }
        if (query.length() > MAX_LENGTH) {
            throw new QueryParseException("the query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Parser parser = new Parser(query);
        QueryNode root = parser.or();
        Token next = parser.peek();
        if (next.kind != Kind.END) {
            throw new QueryParseException(next.kind == Kind.CLOSE
                    ? "')' without a matching '('" : "unexpected " + next.describe(), next.at);
        }
        if (root instanceof QueryNode.Not) {
            throw new QueryParseException("a query cannot be only a NOT: say what to match first", 0);
        }
        return new BrandQuery(query, root);
    }

    public String source() {
        return source;
    }

    public QueryNode root() {
        return root;
    }

    public boolean matches(TextTokens text) {
        return root.matches(text);
    }

    /** The leaves that name the brand (not under a NOT, first part of an AND, left side of a NEAR). */
    public List<QueryNode> names() {
        List<QueryNode> names = new ArrayList<>();
        root.collectNames(names);
        return names;
    }

    /** Every folded word the query names, excluded ones included (kept out of a brand's top terms). */
    public java.util.Set<String> words() {
        java.util.Set<String> out = new java.util.HashSet<>();
        collectWords(root, out);
        return out;
    }

    private static void collectWords(QueryNode node, java.util.Set<String> out) {
        if (node instanceof QueryNode.Word w) {
            out.add(w.word());
        } else if (node instanceof QueryNode.Phrase p) {
            out.addAll(p.words());
        } else if (node instanceof QueryNode.AnyOf a) {
            a.options().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.PositionalAnyOf a) {
            a.options().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.AllOf a) {
            a.parts().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.Not n) {
            collectWords(n.negated(), out);
        } else if (node instanceof QueryNode.Near n) {
            collectWords(n.left(), out);
            collectWords(n.right(), out);
        }
    }

    @Override
    public String toString() {
        return source;
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, MINUS, NEAR, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int at, int nearDistance) {
        String describe() {
            return switch (kind) {
                case END -> "end of query";
                case PHRASE -> "phrase \"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private static final class Parser {
        private final String query;
        private final List<Token> tokens;
        private int next;

        Parser(String query) {
            this.query = query;
            this.tokens = lex(query);
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            return tokens.get(next++);
        }

        QueryNode or() {
            List<QueryNode> options = new ArrayList<>();
            options.add(and());
            while (peek().kind == Kind.OR) {
                Token or = take();
                requireOperand(or);
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

        QueryNode and() {
            List<QueryNode> parts = new ArrayList<>();
            parts.add(near());
            while (true) {
                Kind k = peek().kind;
                if (k == Kind.AND) {
                    requireOperand(take());
                } else if (!(k == Kind.WORD || k == Kind.PHRASE || k == Kind.NOT || k == Kind.MINUS || k == Kind.OPEN)) {
                    break;
                }
                parts.add(near());
            }
            return parts.size() == 1 ? parts.get(0) : new QueryNode.AllOf(parts);
        }

        QueryNode near() {
            int leftAt = peek().at;
            QueryNode left = unary();
            while (peek().kind == Kind.NEAR) {
                Token near = take();
                requireOperand(near);
                int rightAt = peek().at;
                QueryNode right = unary();
                if (!(left instanceof QueryNode.Positional l)) {
                    throw new QueryParseException("NEAR needs words, phrases or an OR of them on its left", leftAt);
                }
                if (!(right instanceof QueryNode.Positional r)) {
                    throw new QueryParseException("NEAR needs words, phrases or an OR of them on its right", rightAt);
                }
                left = new QueryNode.Near(l, r, near.nearDistance);
            }
            return left;
        }

        QueryNode unary() {
            Token t = peek();
            if (t.kind == Kind.NOT || t.kind == Kind.MINUS) {
                take();
                requireOperand(t);
                return new QueryNode.Not(unary());
            }
            return primary();
        }

        QueryNode primary() {
            Token t = take();
            switch (t.kind) {
                case OPEN -> {
                    if (peek().kind == Kind.CLOSE) {
                        throw new QueryParseException("empty parentheses", t.at);
                    }
                    QueryNode inner = or();
                    Token close = take();
                    if (close.kind != Kind.CLOSE) {
                        throw new QueryParseException(close.kind == Kind.END
                                ? "'(' at position " + t.at + " is never closed" : "expected ')' but found " + close.describe(),
                                close.at);
                    }
                    return inner;
                }
                case PHRASE -> {
                    List<String> words = TextTokens.words(t.text);
                    if (words.isEmpty()) {
                        throw new QueryParseException("the phrase has no words", t.at);
                    }
                    return words.size() == 1 ? new QueryNode.Word(words.get(0), false) : new QueryNode.Phrase(words);
                }
                case WORD -> {
                    boolean prefix = t.text.endsWith("*");
                    String body = prefix ? t.text.substring(0, t.text.length() - 1) : t.text;
                    if (body.contains("*")) {
                        throw new QueryParseException("'*' is only allowed at the end of a word", t.at + body.indexOf('*'));
                    }
                    List<String> words = TextTokens.words(body);
                    if (words.isEmpty()) {
                        throw new QueryParseException("'" + t.text + "' has no letters or digits", t.at);
                    }
                    if (prefix && words.size() > 1) {
                        throw new QueryParseException("a prefix (word*) must be a single word", t.at);
                    }
                    if (prefix && words.get(0).length() < 3) {
                        throw new QueryParseException("a prefix needs at least 3 letters", t.at);
                    }
                    // "coca-cola" or "l'oréal" are several folded words: match them as a phrase.
                    return words.size() == 1 ? new QueryNode.Word(words.get(0), prefix) : new QueryNode.Phrase(words);
                }
                case END -> throw new QueryParseException("the query ends where a word, phrase or '(' was expected", t.at);
                default -> throw new QueryParseException("expected a word, phrase or '(' but found " + t.describe(), t.at);
            }
        }

        private void requireOperand(Token operator) {
            Kind k = peek().kind;
            if (k == Kind.END) {
                throw new QueryParseException(operator.text + " at position " + operator.at + " has nothing after it",
                        peek().at);
            }
            if (k == Kind.AND || k == Kind.OR || k == Kind.NEAR || k == Kind.CLOSE) {
                throw new QueryParseException("expected a word, phrase or '(' after " + operator.text + " but found "
                        + peek().describe(), peek().at);
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
                    out.add(new Token(Kind.OPEN, "(", i++, 0));
                } else if (c == ')') {
                    out.add(new Token(Kind.CLOSE, ")", i++, 0));
                } else if (c == '"' || c == '“' || c == '«') {
                    char closing = c == '"' ? '"' : c == '“' ? '”' : '»';
                    int end = q.indexOf(closing, i + 1);
                    if (end < 0) {
                        throw new QueryParseException("the phrase opened here is never closed", i);
                    }
                    out.add(new Token(Kind.PHRASE, q.substring(i + 1, end), i, 0));
                    i = end + 1;
                } else if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                    out.add(new Token(Kind.MINUS, "-", i++, 0));
                } else {
                    int start = i;
                    while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\"“«".indexOf(q.charAt(i)) < 0) {
                        i++;
                    }
                    String word = q.substring(start, i);
                    out.add(keyword(word, start));
                }
            }
            out.add(new Token(Kind.END, "", q.length(), 0));
            return out;
        }

        private static Token keyword(String word, int at) {
            switch (word) {
                case "AND", "&&" -> { return new Token(Kind.AND, word, at, 0); }
                case "OR", "||" -> { return new Token(Kind.OR, word, at, 0); }
                case "NOT" -> { return new Token(Kind.NOT, word, at, 0); }
                default -> { }
            }
            if (word.startsWith("NEAR/") || word.equals("NEAR")) {
                String n = word.length() > 5 ? word.substring(5) : "";
                if (!n.matches("\\d{1,3}")) {
                    throw new QueryParseException("NEAR must be written NEAR/n with n a number of words, e.g. NEAR/3",
                            at + Math.min(word.length(), 5));
                }
                int distance = Integer.parseInt(n);
                if (distance > MAX_NEAR) {
                    throw new QueryParseException("NEAR/" + distance + " is too far; at most NEAR/" + MAX_NEAR, at + 5);
                }
                return new Token(Kind.NEAR, word, at, distance);
            }
            return new Token(Kind.WORD, word, at, 0);
        }
    }
}
