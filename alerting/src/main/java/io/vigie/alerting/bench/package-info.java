/**
 * The {@code vigie bench alerting} benchmark and the local endpoint it delivers to (also used by the integration
 * tests as a recording receiver). Not part of a running stage.
 */
package io.vigie.alerting.bench;
