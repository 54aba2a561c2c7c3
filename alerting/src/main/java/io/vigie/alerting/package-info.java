/**
 * The alerting stage: its configuration ({@link io.vigie.alerting.AlertingConfig}, checked by
 * {@link io.vigie.alerting.AlertingConfigCheck}) and its assembly ({@link io.vigie.alerting.Alerting}). The work is in
 * the feature packages: {@code owner} (signals to incidents), {@code desk} (the cluster-wide view and actions),
 * {@code routing}, {@code oncall}, {@code messages}, {@code outbox}, {@code channels}, {@code api}. See the module README.
 */
package io.vigie.alerting;
