/**
 * robots.txt as RFC 9309 specifies it: group selection by product token, longest-match allow/disallow with ties
 * to allow, {@code *} and {@code $} patterns, the 500 KiB parse limit, 4xx meaning allow-all and 5xx or
 * unreachable meaning disallow-all, cached with an expiry; {@code Crawl-delay} read as the common extension.
 */
package io.vigie.ingest.robots;
