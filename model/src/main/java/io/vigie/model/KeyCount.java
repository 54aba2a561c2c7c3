package io.vigie.model;

/** A key and how often it was seen: a top source, a top term. */
public record KeyCount(String key, long count) {}
