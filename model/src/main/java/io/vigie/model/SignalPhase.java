package io.vigie.model;

/** Lifecycle of a signal: it starts, may be updated while it grows or shrinks, and ends. */
public enum SignalPhase {
    START,
    UPDATE,
    END
}
