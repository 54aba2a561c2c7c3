/**
 * The brand query language and the matcher: decides which watched brands a text mentions, and, per brand,
 * which sentences mention it (for brand-targeted sentiment). Plain Java, no Kafka; see the module README for the
 * query reference.
 */
package io.vigie.analyze.matching;
