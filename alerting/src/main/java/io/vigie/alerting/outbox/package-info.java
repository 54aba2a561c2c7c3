/**
 * Nothing lost: every notification is a record on the {@code notifications} topic with its delivery state;
 * the dispatcher delivers pending ones, retries failures with backoff and jitter across restarts, and marks a
 * notification FAILED (kept, logged, listed by the API) after the retry limit.
 */
package io.vigie.alerting.outbox;
