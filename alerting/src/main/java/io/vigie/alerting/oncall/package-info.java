/** Who is on call: weekly rotations with overrides, and escalation levels paged while nobody acknowledges. */
package io.vigie.alerting.oncall;
