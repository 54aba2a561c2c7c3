/**
 * The owner side: the instance given partition p of {@code signals} (and of {@code incident.actions}) alone opens,
 * updates, escalates and resolves those brands' incidents ({@link io.vigie.alerting.owner.SignalService},
 * {@link io.vigie.alerting.owner.IncidentRouter}) and writes them in Kafka transactions
 * ({@link io.vigie.alerting.owner.KafkaAlertSink}).
 */
package io.vigie.alerting.owner;
