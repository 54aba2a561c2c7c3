/**
 * Managing sources at runtime: reading the current catalogue from {@code ingest.state}, adding, pausing and
 * removing sources (records the running instances pick up), OPML import, and feed discovery from a site URL
 * through its {@code <link rel="alternate">} elements.
 */
package io.vigie.ingest.sources;
