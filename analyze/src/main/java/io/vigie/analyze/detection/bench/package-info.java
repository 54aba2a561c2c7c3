/** {@code vigie bench detection}: detector throughput and state size, printed with the machine's load. */
package io.vigie.analyze.detection.bench;
