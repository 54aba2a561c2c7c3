package io.vigie.model;

/** Where a mention that needs an answer stands. */
public enum ResponseStatus {
    OPEN,
    ASSIGNED,
    ANSWERED,
    NO_ANSWER_NEEDED
}
