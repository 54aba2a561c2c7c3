package io.vigie.alerting.messages;

/** Escaping strategies Pebble does not ship. */
final class Escapes {
    private Escapes() {}

    /** Slack's rule: only {@code & < >} are control characters in mrkdwn text and link labels. */
    static String slackMrkdwn(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** CommonMark (Mattermost): a backslash before every ASCII punctuation that could start markup. */
    static String markdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
