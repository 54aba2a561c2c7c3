package io.vigie.model;

/** How urgent an incident is; drives routing, quiet hours and inhibition. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
