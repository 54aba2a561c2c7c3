package io.vigie.model;

/** Whether the observed value is above or below what was expected. */
public enum Direction {
    RISE,
    FALL
}
