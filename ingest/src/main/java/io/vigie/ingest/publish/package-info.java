/**
 * Publishing poll outcomes exactly once: mentions to {@code mentions.raw}, refusals to {@code deadletter} and the
 * feed's new state to {@code ingest.state}, in one Kafka transaction per batch of polls (group commit), fenced by
 * the ingest consumer group's generation so an instance that lost a feed cannot publish it.
 */
package io.vigie.ingest.publish;
