/**
 * Reading feeds: RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0, comment feeds, YouTube and Media RSS video feeds, podcasts.
 * Bytes in (with the HTTP content type), a {@link io.vigie.ingest.feeds.FeedDocument} out: encoding resolved as
 * the feed world does, entities decoded, ill-formed input recovered through a lenient path, HTML reduced to
 * plain text plus a safe-HTML copy. No network and no Kafka here.
 */
package io.vigie.ingest.feeds;
