/**
 * Per-host politeness: one request at a time per host, a minimum delay between requests (or the host's
 * Crawl-delay when longer), Retry-After honoured on 429 and 503, and exponential backoff after failures.
 */
package io.vigie.ingest.politeness;
