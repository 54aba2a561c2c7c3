package io.vigie.alerting.messages;

import java.util.Map;

/**
 * A notification rendered for one receiver.
 *
 * @param subject one line: e-mail subject, SMS text start, chat headline
 * @param text plain text
 * @param context the values the templates saw, for channels that build their own structure (Teams cards)
 */
public record Message(String subject, String text, String language, Map<String, Object> context) {}
