package io.vigie.alerting.incidents;

/** The action names kept in an incident's history. */
public final class Actions {
    public static final String OPENED = "opened";
    public static final String UPDATED = "updated";
    public static final String SEVERITY = "severity";
    public static final String SIGNAL = "signal";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";
    public static final String REOPENED = "reopened";
    public static final String NOTE = "note";
    public static final String ESCALATED = "escalated";
    public static final String NOTIFIED = "notified";
    /** The actor of what Vigie did by itself. */
    public static final String VIGIE = "vigie";

    private Actions() {}
}
