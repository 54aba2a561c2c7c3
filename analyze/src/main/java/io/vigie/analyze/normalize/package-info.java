/**
 * Turns a raw mention into what analysis reads: clean text, canonical URL, event time (published, else fetched),
 * and whether it is a backfill (an old item read late: indexed, never raising a live signal).
 */
package io.vigie.analyze.normalize;
