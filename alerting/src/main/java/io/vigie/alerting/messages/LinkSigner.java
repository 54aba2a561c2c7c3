package io.vigie.alerting.messages;

/** Makes the signed, expiring action links put in messages (acknowledge, resolve). */
@FunctionalInterface
public interface LinkSigner {
    /** Joins the incident ids of a link about a group of incidents (one message, one click for all). */
    String ID_SEPARATOR = ",";

    String link(String incidentId, String action, String receiver);
}
