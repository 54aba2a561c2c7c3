package io.vigie.alerting.messages;

/** Makes the signed, expiring action links put in messages (acknowledge, resolve). */
@FunctionalInterface
public interface LinkSigner {
    String link(String incidentId, String action, String receiver);
}
