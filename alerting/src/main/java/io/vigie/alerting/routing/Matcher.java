package io.vigie.alerting.routing;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager-style label matcher: {@code brand="acme"}, {@code severity!="INFO"},
 * {@code kind=~"NEGATIVE_.*"}, {@code brand!~"test-.*"}. Values compare without regard to case, and a regex must
 * match the whole value. Labels an incident has: brand, kind, severity, status.
 */
public record Matcher(String label, Op op, String value, Pattern regex) {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s=!~]+))\\s*");

    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    /** Parses a matcher, or throws IllegalArgumentException saying what is wrong with it. */
    public static Matcher parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a matcher cannot be empty");
        }
        java.util.regex.Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad matcher '" + text
                    + "': write label=\"value\", label!=\"value\", label=~\"regex\" or label!~\"regex\"");
        }
        String label = m.group(1).toLowerCase();
        if (!Labels.KNOWN.contains(label)) {
            throw new IllegalArgumentException("bad matcher '" + text + "': unknown label '" + label
                    + "', known labels are " + Labels.KNOWN);
        }
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQUAL;
            case "!=" -> Op.NOT_EQUAL;
            case "=~" -> Op.REGEX;
            default -> Op.NOT_REGEX;
        };
        String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
        Pattern regex = null;
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            try {
                regex = Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad matcher '" + text + "': invalid regex: " + e.getDescription());
            }
        }
        return new Matcher(label, op, value, regex);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (op) {
            case EQUAL -> actual.equalsIgnoreCase(value);
            case NOT_EQUAL -> !actual.equalsIgnoreCase(value);
            case REGEX -> regex.matcher(actual).matches();
            case NOT_REGEX -> !regex.matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return label + op.text + "\"" + value + "\"";
    }
}
