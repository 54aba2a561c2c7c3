/** Connections to the Kafka and Elasticsearch clusters, local or production. */
package io.vigie.runtime.connect;
