package io.vigie.ingest.robots;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user agent. Written by hand: no maintained Java library implements
 * RFC 9309's matching exactly (longest match, allow on ties, percent-encoding normalisation, group merging).
 */
public final class RobotsRules {
    /** RFC 9309 §2.5: crawlers must parse at least 500 KiB; what lies beyond may be ignored. */
    public static final int PARSE_LIMIT_BYTES = 500 * 1024;

    record Rule(boolean allow, String pattern) {}

    private final List<Rule> rules;
    private final Duration crawlDelay;
    private final boolean allowAll;
    private final boolean disallowAll;

    private RobotsRules(List<Rule> rules, Duration crawlDelay, boolean allowAll, boolean disallowAll) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
        this.allowAll = allowAll;
        this.disallowAll = disallowAll;
    }

    /** No robots.txt (4xx): everything is allowed. */
    public static RobotsRules allowAll() {
        return new RobotsRules(List.of(), null, true, false);
    }

    /** robots.txt unreachable or 5xx: nothing may be fetched until it can be read. */
    public static RobotsRules disallowAll() {
        return new RobotsRules(List.of(), null, false, true);
    }

    /**
     * Parses a robots.txt for a product token (e.g. "vigie"): the groups naming it, merged, else the {@code *}
     * groups, else no rule.
     */
    public static RobotsRules parse(byte[] body, String productToken) {
        int length = Math.min(body.length, PARSE_LIMIT_BYTES);
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration myDelay = null;
        Duration starDelay = null;
        boolean matchedMine = false;
        boolean matchedStar = false;

        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        for (String rawLine : text.split("\r\n|\r|\n")) {
            int hash = rawLine.indexOf('#');
            String line = (hash >= 0 ? rawLine.substring(0, hash) : rawLine).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) {
                        groupAgents.clear();
                        inRules = false;
                    }
                    groupAgents.add(value.toLowerCase(Locale.ROOT));
                    if (value.equals("*")) {
                        matchedStar = true;
                    } else if (agentMatches(value, token)) {
                        matchedMine = true;
                    }
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (groupAgents.isEmpty()) {
                        continue; // a rule before any user-agent line belongs to no group
                    }
                    if (key.equals("disallow") && value.isEmpty()) {
                        continue; // "Disallow:" with no path allows everything: it adds no rule
                    }
                    Rule rule = new Rule(key.equals("allow"), normalisePattern(value));
                    for (String agent : groupAgents) {
                        if (agent.equals("*")) {
                            star.add(rule);
                        } else if (agentMatches(agent, token)) {
                            mine.add(rule);
                        }
                    }
                }
                case "crawl-delay" -> {
                    inRules = true;
                    Duration delay = parseDelay(value);
                    for (String agent : groupAgents) {
                        if (agent.equals("*")) {
                            starDelay = delay;
                        } else if (agentMatches(agent, token)) {
                            myDelay = delay;
                        }
                    }
                }
                default -> {
                    // sitemap and unknown keys do not end a group (RFC 9309 §2.2.4)
                }
            }
        }
        if (matchedMine) {
            return new RobotsRules(mine, myDelay, false, false);
        }
        if (matchedStar) {
            return new RobotsRules(star, starDelay, false, false);
        }
        return new RobotsRules(List.of(), null, false, false);
    }

    /** A user-agent line matches when its value is our product token, case-insensitively (§2.2.1). */
    private static boolean agentMatches(String agentLine, String token) {
        String agent = agentLine.toLowerCase(Locale.ROOT).strip();
        return agent.equals(token) || (agent.startsWith(token) && !Character.isLetterOrDigit(agent.charAt(token.length()))
                && agent.charAt(token.length()) != '_' && agent.charAt(token.length()) != '-');
    }

    private static Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds)) {
                return null;
            }
            return Duration.ofMillis((long) Math.min(seconds, 86_400) * 1000 + (long) ((seconds % 1) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Is this URL's path (with query) allowed? {@code /robots.txt} itself always is (§2.2.2). */
    public boolean allows(URI url) {
        if (allowAll) {
            return true;
        }
        if (disallowAll) {
            return false;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        if (path.equals("/robots.txt")) {
            return true;
        }
        return allowsPath(normalisePattern(path));
    }

    boolean allowsPath(String path) {
        int bestLength = -1;
        boolean bestAllow = true;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path)) {
                int len = rule.pattern().length();
                if (len > bestLength || (len == bestLength && rule.allow())) {
                    bestLength = len;
                    bestAllow = rule.allow();
                }
            }
        }
        return bestAllow;
    }

    /** {@code *} matches any sequence, a final {@code $} anchors the end; otherwise a prefix match. */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return matchFrom(p, 0, path, 0, anchored);
    }

    private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (matchFrom(p, pi, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }

    /**
     * Percent-encoding normalised so that equivalent paths compare equal (§2.2.2): octets that need no encoding
     * are decoded, hex digits upper-cased, characters outside ASCII percent-encoded as UTF-8.
     */
    static String normalisePattern(String value) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                int decoded = Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16);
                if (isUnreserved(decoded)) {
                    out.append((char) decoded);
                } else {
                    out.append('%').append(Character.toUpperCase((char) bytes[i + 1]))
                            .append(Character.toUpperCase((char) bytes[i + 2]));
                }
                i += 2;
            } else if (b >= 0x80 || b <= 0x20) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** The Crawl-delay of the selected group, or null. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    public boolean disallowsEverything() {
        return disallowAll;
    }
}
