/**
 * When to poll each feed next: the interval follows the feed's observed update rate between its bounds, backs off
 * after errors, and shortens for sources of a brand under an active signal.
 */
package io.vigie.ingest.schedule;
