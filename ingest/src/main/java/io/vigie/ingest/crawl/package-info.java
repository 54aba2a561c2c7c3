/**
 * Comments and forum posts read from HTML pages that publish no feed: per-site rules (CSS selectors), schema.org
 * structured data (JSON-LD, microdata, RDFa) and a generic reader of repeated comment blocks, tried in that order
 * ({@link io.vigie.ingest.crawl.PageExtractor}); pagination and thread discovery
 * ({@link io.vigie.ingest.crawl.ThreadPoller}); the articles a sitemap lists, new or with a newer lastmod
 * ({@link io.vigie.ingest.crawl.SitemapPoller}, read by {@link io.vigie.ingest.crawl.SitemapReader}). Extraction is
 * pure: HTML in, {@link io.vigie.ingest.crawl.PageExtraction} out.
 */
package io.vigie.ingest.crawl;
