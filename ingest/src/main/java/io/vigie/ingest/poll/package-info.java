/**
 * Polling feeds: one poll of one feed (robots, fetch, parse, diff against what was already published) and the
 * engine that schedules polls across hosts politely and hands their results to a sink (Kafka, or memory for
 * {@code vigie sources try} and the benchmark).
 */
package io.vigie.ingest.poll;
