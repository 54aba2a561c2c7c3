/**
 * What a notification says, in French or English per receiver: Pebble templates rendered with the escaping of
 * the channel (HTML for e-mail, JSON strings for webhooks, Slack mrkdwn, Markdown for Mattermost, none for
 * plain text whose transport escapes it).
 */
package io.vigie.alerting.messages;
