/**
 * Turns spike signals into incidents: grouped per brand and kind, deduplicated, updated as the crisis grows or
 * shrinks, resolved automatically when back to normal, with a severity from magnitude, negativity and reach.
 * Also the people's actions on an incident (acknowledge, resolve, reopen, note). Pure logic on a passed-in time.
 */
package io.vigie.alerting.incidents;
