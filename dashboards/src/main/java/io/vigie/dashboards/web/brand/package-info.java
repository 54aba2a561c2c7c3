/**
 * The brand page: volume with signals and the expected band, sentiment, languages, share of voice, top sources,
 * authors and terms over a range, and the live stream of new mentions. History comes from Elasticsearch up to a cut
 * on {@code scoredAt}; the live channel replays from that cut, so the two meet without a gap or a double count.
 */
package io.vigie.dashboards.web.brand;
