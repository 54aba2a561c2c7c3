/**
 * What every alerting instance knows and answers, whichever brands it owns: the followed {@code incidents},
 * {@code silences} and action answers ({@link io.vigie.alerting.desk.IncidentFollower}), and the desk the HTTP API
 * acts through ({@link io.vigie.alerting.desk.ClusterDesk}), which sends a person's action to the brand's owner.
 */
package io.vigie.alerting.desk;
