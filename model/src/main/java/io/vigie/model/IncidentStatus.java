package io.vigie.model;

public enum IncidentStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
