package io.vigie.ingest.feeds.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A small evaluator for the {@code Expect:} lines of feedparser's corpus: the subset of Python they use
 * (and/or/not, ==, !=, is, in, subscripts, attributes, string/number/tuple/dict literals, +, len, ord, get,
 * has_key). Anything else is reported as not applicable rather than guessed.
 */
final class PythonExpectation {

    /** The expression reaches something Vigie does not model; the message says what. */
    static final class NotApplicable extends RuntimeException {
        NotApplicable(String reason) {
            super(reason);
        }
    }

    /** A Python KeyError/IndexError: the expectation is false (feedparser's test would fail too). */
    static final class Missing extends RuntimeException {
        Missing(String what) {
            super(what);
        }
    }

    sealed interface Node permits Name, Literal, Subscript, Attr, Call, Unary, Binary, Compare, TupleNode, DictNode {}
    record Name(String id) implements Node {}
    record Literal(Object value) implements Node {}
    record Subscript(Node target, Node index) implements Node {}
    record Attr(Node target, String name) implements Node {}
    record Call(Node function, List<Node> args) implements Node {}
    record Unary(String op, Node operand) implements Node {}
    record Binary(String op, Node left, Node right) implements Node {}
    record Compare(List<String> ops, List<Node> operands) implements Node {}
    record TupleNode(List<Node> items) implements Node {}
    record DictNode(List<Node> keys, List<Node> values) implements Node {}

    private final String source;
    private final List<String> tokens = new ArrayList<>();
    private int position;

    private PythonExpectation(String source) {
        this.source = source;
    }

    static Node parse(String expression) {
        PythonExpectation p = new PythonExpectation(expression);
        p.tokenize();
        Node node = p.or();
        if (p.position != p.tokens.size()) {
            throw new NotApplicable("unsupported Python syntax near '" + p.tokens.get(p.position) + "'");
        }
        return node;
    }

    // ---- tokenizer: strings are kept as "\0" + decoded value so they never clash with names
    private void tokenize() {
        String s = source;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == 'u' || c == 'U' || c == 'b' || c == 'r' || c == 'R') && i + 1 < s.length()
                    && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                i = string(s, i + 1, c == 'r' || c == 'R');
            } else if (c == '\'' || c == '"') {
                i = string(s, i, false);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == 'L')) {
                    j++;
                }
                tokens.add("\u0001" + s.substring(i, j).replace("L", ""));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(s.substring(i, j));
                i = j;
            } else if (s.startsWith("==", i) || s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                tokens.add(s.substring(i, i + 2));
                i += 2;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
    }

    private int string(String s, int start, boolean raw) {
        char quote = s.charAt(start);
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (raw) {
                    out.append(c).append(n);
                    i += 2;
                    continue;
                }
                switch (n) {
                    case 'n' -> { out.append('\n'); i += 2; }
                    case 't' -> { out.append('\t'); i += 2; }
                    case 'r' -> { out.append('\r'); i += 2; }
                    case '\\' -> { out.append('\\'); i += 2; }
                    case '\'' -> { out.append('\''); i += 2; }
                    case '"' -> { out.append('"'); i += 2; }
                    case 'x' -> { out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16)); i += 4; }
                    case 'u' -> { out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16)); i += 6; }
                    case 'U' -> { out.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 10), 16)); i += 10; }
                    default -> { out.append(c).append(n); i += 2; }
                }
            } else {
                out.append(c);
                i++;
            }
        }
        if (i >= s.length()) {
            throw new NotApplicable("unterminated string literal");
        }
        tokens.add("\0" + out);
        return i + 1;
    }

    // ---- parser
    private String peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private boolean accept(String t) {
        if (t.equals(peek())) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw new NotApplicable("unsupported Python syntax: expected " + t + " near " + peek());
        }
    }

    private Node or() {
        Node left = and();
        while (accept("or")) {
            left = new Binary("or", left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (accept("and")) {
            left = new Binary("and", left, not());
        }
        return left;
    }

    private Node not() {
        if (accept("not")) {
            return new Unary("not", not());
        }
        return comparison();
    }

    private Node comparison() {
        List<Node> operands = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        operands.add(sum());
        while (true) {
            String t = peek();
            String op = null;
            if ("==".equals(t) || "!=".equals(t) || "<".equals(t) || ">".equals(t) || "<=".equals(t) || ">=".equals(t)) {
                position++;
                op = t;
            } else if ("is".equals(t)) {
                position++;
                op = accept("not") ? "is not" : "is";
            } else if ("in".equals(t)) {
                position++;
                op = "in";
            } else if ("not".equals(t) && position + 1 < tokens.size() && tokens.get(position + 1).equals("in")) {
                position += 2;
                op = "not in";
            }
            if (op == null) {
                break;
            }
            ops.add(op);
            operands.add(sum());
        }
        return ops.isEmpty() ? operands.get(0) : new Compare(ops, operands);
    }

    private Node sum() {
        Node left = unary();
        while (accept("+")) {
            left = new Binary("+", left, unary());
        }
        return left;
    }

    private Node unary() {
        if (accept("-")) {
            return new Unary("-", unary());
        }
        return postfix();
    }

    private Node postfix() {
        Node node = atom();
        while (true) {
            if (accept("[")) {
                Node index = or();
                expect("]");
                node = new Subscript(node, index);
            } else if (accept(".")) {
                node = new Attr(node, peek());
                position++;
            } else if (accept("(")) {
                List<Node> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(or());
                    } while (accept(","));
                    expect(")");
                }
                node = new Call(node, args);
            } else {
                return node;
            }
        }
    }

    private Node atom() {
        String t = peek();
        if (t == null) {
            throw new NotApplicable("unexpected end of expression");
        }
        position++;
        if (t.startsWith("\0")) {
            StringBuilder s = new StringBuilder(t.substring(1));
            while (peek() != null && peek().startsWith("\0")) {
                s.append(peek().substring(1));
                position++;
            }
            return new Literal(s.toString());
        }
        if (t.startsWith("\u0001")) {
            String n = t.substring(1);
            return new Literal(n.contains(".") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n));
        }
        switch (t) {
            case "None": return new Literal(null);
            case "True": return new Literal(Boolean.TRUE);
            case "False": return new Literal(Boolean.FALSE);
            case "(": {
                if (accept(")")) {
                    return new TupleNode(List.of());
                }
                Node first = or();
                if (accept(")")) {
                    return first;
                }
                List<Node> items = new ArrayList<>(List.of(first));
                while (accept(",")) {
                    if (")".equals(peek())) {
                        break;
                    }
                    items.add(or());
                }
                expect(")");
                return new TupleNode(items);
            }
            case "[": {
                List<Node> items = new ArrayList<>();
                if (!accept("]")) {
                    do {
                        items.add(or());
                    } while (accept(","));
                    expect("]");
                }
                return new TupleNode(items);
            }
            case "{": {
                List<Node> keys = new ArrayList<>();
                List<Node> values = new ArrayList<>();
                if (!accept("}")) {
                    do {
                        keys.add(or());
                        expect(":");
                        values.add(or());
                    } while (accept(","));
                    expect("}");
                }
                return new DictNode(keys, values);
            }
            default:
                if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
                    return new Name(t);
                }
                throw new NotApplicable("unsupported Python syntax near '" + t + "'");
        }
    }

    // ---- evaluation
    static Object evaluate(Node node, Function<String, Object> names) {
        if (node instanceof Literal l) {
            return l.value();
        }
        if (node instanceof Name n) {
            return names.apply(n.id());
        }
        if (node instanceof TupleNode t) {
            List<Object> out = new ArrayList<>();
            for (Node item : t.items()) {
                out.add(evaluate(item, names));
            }
            return out;
        }
        if (node instanceof DictNode d) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) {
                out.put(evaluate(d.keys().get(i), names), evaluate(d.values().get(i), names));
            }
            return out;
        }
        if (node instanceof Subscript s) {
            Object target = evaluate(s.target(), names);
            Object index = evaluate(s.index(), names);
            return subscript(target, index);
        }
        if (node instanceof Attr a) {
            Object target = evaluate(a.target(), names);
            if (target instanceof Map<?, ?> m) {
                if (!m.containsKey(a.name())) {
                    throw new Missing("no attribute " + a.name());
                }
                return m.get(a.name());
            }
            throw new NotApplicable("attribute ." + a.name() + " on a " + typeName(target));
        }
        if (node instanceof Call c) {
            return call(c, names);
        }
        if (node instanceof Unary u) {
            Object v = evaluate(u.operand(), names);
            if (u.op().equals("not")) {
                return !truthy(v);
            }
            if (v instanceof Long n) {
                return -n;
            }
            if (v instanceof Double n) {
                return -n;
            }
            throw new NotApplicable("unary minus on " + typeName(v));
        }
        if (node instanceof Binary b) {
            switch (b.op()) {
                case "and": {
                    Object left = evaluate(b.left(), names);
                    return truthy(left) ? evaluate(b.right(), names) : left;
                }
                case "or": {
                    Object left = evaluate(b.left(), names);
                    return truthy(left) ? left : evaluate(b.right(), names);
                }
                default: {
                    Object left = evaluate(b.left(), names);
                    Object right = evaluate(b.right(), names);
                    if (left instanceof String x && right instanceof String y) {
                        return x + y;
                    }
                    if (left instanceof Long x && right instanceof Long y) {
                        return x + y;
                    }
                    throw new NotApplicable("+ on " + typeName(left) + " and " + typeName(right));
                }
            }
        }
        if (node instanceof Compare c) {
            Object left = evaluate(c.operands().get(0), names);
            for (int i = 0; i < c.ops().size(); i++) {
                Object right = evaluate(c.operands().get(i + 1), names);
                if (!compare(c.ops().get(i), left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }
        throw new IllegalStateException("unknown node " + node);
    }

    private static Object call(Call c, Function<String, Object> names) {
        if (c.function() instanceof Name n) {
            switch (n.id()) {
                case "len": {
                    Object v = evaluate(c.args().get(0), names);
                    if (v instanceof String s) {
                        return (long) s.codePointCount(0, s.length());
                    }
                    if (v instanceof List<?> l) {
                        return (long) l.size();
                    }
                    if (v instanceof Map<?, ?> m) {
                        return (long) m.size();
                    }
                    throw new NotApplicable("len of " + typeName(v));
                }
                case "ord": {
                    Object v = evaluate(c.args().get(0), names);
                    if (v instanceof String s && s.codePointCount(0, s.length()) == 1) {
                        return (long) s.codePointAt(0);
                    }
                    throw new Missing("ord() expected a character, got " + v);
                }
                default:
                    throw new NotApplicable("calls " + n.id() + "()");
            }
        }
        if (c.function() instanceof Attr a) {
            Object target = evaluate(a.target(), names);
            if (target instanceof Map<?, ?> m) {
                switch (a.name()) {
                    case "get": {
                        Object key = evaluate(c.args().get(0), names);
                        Object fallback = c.args().size() > 1 ? evaluate(c.args().get(1), names) : null;
                        return m.containsKey(key) ? m.get(key) : fallback;
                    }
                    case "has_key":
                        return m.containsKey(evaluate(c.args().get(0), names));
                    case "keys":
                        return new ArrayList<>(m.keySet());
                    default:
                        break;
                }
            }
            throw new NotApplicable("calls ." + a.name() + "()");
        }
        throw new NotApplicable("unsupported call");
    }

    private static Object subscript(Object target, Object index) {
        if (target instanceof Map<?, ?> m) {
            if (!m.containsKey(index)) {
                throw new Missing("KeyError " + index);
            }
            return m.get(index);
        }
        if (target instanceof List<?> l && index instanceof Long i) {
            int at = (int) (i < 0 ? l.size() + i : i);
            if (at < 0 || at >= l.size()) {
                throw new Missing("IndexError " + i);
            }
            return l.get(at);
        }
        if (target instanceof String s && index instanceof Long i) {
            int at = (int) (i < 0 ? s.length() + i : i);
            if (at < 0 || at >= s.length()) {
                throw new Missing("IndexError " + i);
            }
            return String.valueOf(s.charAt(at));
        }
        throw new NotApplicable("subscript " + index + " on " + typeName(target));
    }

    private static boolean compare(String op, Object left, Object right) {
        switch (op) {
            case "==": return pyEquals(left, right);
            case "!=": return !pyEquals(left, right);
            case "is": return left == right || (left instanceof Boolean && left.equals(right)) || (left == null && right == null);
            case "is not": return !compare("is", left, right);
            case "in": return contains(right, left);
            case "not in": return !contains(right, left);
            default: throw new NotApplicable("ordering comparison " + op);
        }
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof String s && item instanceof String x) {
            return s.contains(x);
        }
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(item);
        }
        if (container instanceof List<?> l) {
            return l.stream().anyMatch(x -> pyEquals(x, item));
        }
        throw new NotApplicable("'in' on " + typeName(container));
    }

    static boolean pyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Boolean x && b instanceof Number y) {
            return (x ? 1 : 0) == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!pyEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Object k : x.keySet()) {
                if (!pyEquals(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) || sameHtml(x, y);
        }
        return Objects.equals(a, b);
    }

    /**
     * Two strings that parse to the same HTML tree are the same HTML for any consumer: character references
     * ({@code &#38;} and {@code &amp;}), attribute order and quoting do not matter.
     */
    static boolean sameHtml(String a, String b) {
        return canonicalHtml(a).equals(canonicalHtml(b));
    }

    private static String canonicalHtml(String html) {
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parseBodyFragment(html);
        for (org.jsoup.nodes.Element e : d.body().getAllElements()) {
            List<org.jsoup.nodes.Attribute> attributes = new ArrayList<>(e.attributes().asList());
            attributes.sort(java.util.Comparator.comparing(org.jsoup.nodes.Attribute::getKey));
            attributes.forEach(x -> e.removeAttr(x.getKey()));
            attributes.forEach(x -> e.attr(x.getKey(), x.getValue()));
        }
        d.outputSettings().prettyPrint(false);
        return d.body().html();
    }

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    private static String typeName(Object v) {
        return v == null ? "None" : v.getClass().getSimpleName();
    }

    /** Every key path the expression reads below feed/entries, e.g. "entries[].links[].href", for applicability. */
    static void keyPaths(Node node, List<String> out, List<String> roots) {
        String path = pathOf(node);
        if (path != null) {
            out.add(path);
        }
        if (node instanceof Name n) {
            roots.add(n.id());
        } else if (node instanceof Subscript s) {
            keyPaths(s.target(), out, roots);
            keyPaths(s.index(), out, roots);
        } else if (node instanceof Attr a) {
            keyPaths(a.target(), out, roots);
        } else if (node instanceof Call c) {
            if (c.function() instanceof Attr a && (a.name().equals("get") || a.name().equals("has_key"))
                    && !c.args().isEmpty() && c.args().get(0) instanceof Literal l) {
                String p = pathOf(a.target());
                if (p != null) {
                    out.add(p + "." + l.value());
                }
                keyPaths(a.target(), out, roots);
            } else if (c.function() instanceof Name n) {
                if (!n.id().equals("len") && !n.id().equals("ord")) {
                    roots.add(n.id() + "()");
                }
            } else if (c.function() instanceof Attr a && a.target() instanceof Name n
                    && !n.id().equals("feed") && !n.id().equals("entries")) {
                roots.add(n.id() + "." + a.name());
            } else {
                keyPaths(c.function(), out, roots);
            }
            for (Node arg : c.args()) {
                keyPaths(arg, out, roots);
            }
        } else if (node instanceof Unary u) {
            keyPaths(u.operand(), out, roots);
        } else if (node instanceof Binary b) {
            keyPaths(b.left(), out, roots);
            keyPaths(b.right(), out, roots);
        } else if (node instanceof Compare c) {
            c.operands().forEach(o -> keyPaths(o, out, roots));
        } else if (node instanceof TupleNode t) {
            t.items().forEach(o -> keyPaths(o, out, roots));
        } else if (node instanceof DictNode d) {
            d.keys().forEach(o -> keyPaths(o, out, roots));
            d.values().forEach(o -> keyPaths(o, out, roots));
        }
    }

    private static String pathOf(Node node) {
        if (node instanceof Name n) {
            return n.id().equals("entries") ? "entries" : n.id().equals("feed") ? "feed" : null;
        }
        if (node instanceof Subscript s) {
            String base = pathOf(s.target());
            if (base == null) {
                return null;
            }
            if (s.index() instanceof Literal l && l.value() instanceof String key) {
                return base + "." + key;
            }
            return base + "[]";
        }
        if (node instanceof Attr a) {
            if (a.name().equals("get") || a.name().equals("has_key") || a.name().equals("keys")) {
                return null;
            }
            String base = pathOf(a.target());
            return base == null ? null : base + "." + a.name();
        }
        return null;
    }
}
