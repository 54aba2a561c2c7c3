/** The analyze stage. See the module README. */
package io.vigie.analyze;
