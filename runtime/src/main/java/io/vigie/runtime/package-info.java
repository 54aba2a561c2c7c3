/**
 * What every stage needs to run: configuration ({@code config}), connections to Kafka and Elasticsearch
 * ({@code connect}), the service lifecycle ({@code service}), and the local single-node servers that
 * {@code vigie local} and the integration tests start ({@code local}).
 */
package io.vigie.runtime;
