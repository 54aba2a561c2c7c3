/**
 * Stable identity of a mention: canonical URL normalisation, the id rule (guid or Atom id, else canonical URL),
 * and the content and engagement fingerprints that decide whether an item seen before is published again.
 */
package io.vigie.ingest.identity;
