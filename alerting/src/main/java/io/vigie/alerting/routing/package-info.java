/**
 * Decides who is told about an incident, and when: the route tree (brand, kind, severity → receivers), group
 * wait/interval and repeat interval, silences, inhibition and quiet hours. Pure logic on a passed-in clock.
 */
package io.vigie.alerting.routing;
