/**
 * The indexer: reads {@code mentions.scored}, writes each mention into Elasticsearch as one document whose id is
 * the mention id, under the alias {@code vigie-mentions} over monthly indices, and commits a Kafka offset only
 * once Elasticsearch acknowledged the document (or its dead letter was written). See the module README.
 */
package io.vigie.dashboards.index;
