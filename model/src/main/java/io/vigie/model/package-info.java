/**
 * The records that travel on Vigie's Kafka topics, their JSON encoding and the topic names.
 *
 * <p>Every stage module depends on this package and on nothing of another stage: what crosses a
 * stage boundary is one of these records on one of the topics in {@link io.vigie.model.Topics}.
 * Records are immutable, carry a {@code schemaVersion}, tolerate unknown fields when read, and
 * refuse missing required fields with a reason that ends up in a dead-letter record.
 */
package io.vigie.model;
