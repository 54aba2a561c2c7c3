/**
 * Counting each mention once: a new version of a known id is an update, not a new mention; copies of the same text
 * across sites (retweets, syndication, copy-paste) share a cluster id and a growing copy count. Plain Java; the
 * topology keeps the state in stores with a bounded lifetime.
 */
package io.vigie.analyze.dedupe;
