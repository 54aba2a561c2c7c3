/** Command-line parts of alerting: the {@code vigie bench alerting} benchmark and the local endpoint it talks to. */
package io.vigie.alerting.cli;
