/**
 * What operators watch: Micrometer meters of every service exported in Prometheus' text format at {@code /metrics},
 * and liveness and readiness at {@code /health/live} and {@code /health/ready} ({@link OperationsServer}).
 * {@link MetricNames} names every Vigie meter in one place; {@link StageMetrics} is how stage code records them.
 */
package io.vigie.runtime.metrics;
