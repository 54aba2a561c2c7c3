/**
 * Real single-node Kafka (KRaft) and Elasticsearch servers run as child processes on this machine, for
 * {@code vigie local} and for the integration tests ({@link io.vigie.runtime.local.SharedLocalCluster}), from the
 * jars and the zip the {@code local-servers} module pins. Nothing here is a fake: the children are the servers
 * production runs, only single-node and bound to 127.0.0.1.
 */
package io.vigie.runtime.local;
