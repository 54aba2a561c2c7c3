/**
 * Fetching one URL politely and safely with java.net.http: conditional GET, gzip/deflate, redirects followed by
 * hand (each hop checked by the SSRF guard), connect and read deadlines, a size limit, an honest User-Agent.
 */
package io.vigie.ingest.fetch;
