/** The alerting stage. See the module README. */
package io.vigie.alerting;
