/**
 * The HTTP JSON API (Javalin) of alerting: acknowledge, resolve, reopen and annotate incidents, silences CRUD,
 * failed notifications; and the signed, expiring links put in every notification.
 */
package io.vigie.alerting.api;
