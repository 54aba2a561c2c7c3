/**
 * Push: being told that a feed changed instead of waiting for its next poll. A WebSub hub's content notification,
 * or a site's or crawler's ping, becomes a change notice on {@code ingest.state} ({@code changed|<url>}); the
 * instance that owns the feed then polls it at once, through the usual polite, exactly-once path. The pushed body is
 * never trusted as content: Vigie fetches the feed itself, so a forged notice costs at most one conditional GET.
 */
package io.vigie.ingest.push;
