/**
 * Seen-state and HTTP validators in the compacted {@code ingest.state} topic, and the sharing of feeds between
 * instances: each instance owns the feeds whose records fall in the partitions the consumer group assigned it.
 */
package io.vigie.ingest.state;
