/**
 * Refusing to fetch addresses inside the operator's network (loopback, private, link-local, cloud metadata)
 * unless the configuration allows a range explicitly: a feed URL or a redirect must not reach internal services.
 */
package io.vigie.ingest.ssrf;
