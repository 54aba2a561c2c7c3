/**
 * Delivers one rendered notification on one channel: signed generic webhook, Slack and Mattermost incoming
 * webhooks, Microsoft Teams Adaptive Card, e-mail over SMTP (Jakarta Mail/Angus), SMS through an HTTP gateway.
 * A channel tries once and says whether a failure is worth retrying; retries are the outbox's job.
 */
package io.vigie.alerting.channels;
