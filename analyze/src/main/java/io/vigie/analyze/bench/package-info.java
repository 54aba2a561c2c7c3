/** {@code vigie bench analyze}: the full topology on a real local broker, with figures printed. Never part of mvn test. */
package io.vigie.analyze.bench;
