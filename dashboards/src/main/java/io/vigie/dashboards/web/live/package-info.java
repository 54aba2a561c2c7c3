/**
 * The live channel: one Kafka reader per dashboards instance ({@link io.vigie.dashboards.web.live.LiveFeed}) feeds a
 * hub ({@link io.vigie.dashboards.web.live.LiveHub}) that keeps a bounded ring of recent events and fans each one out
 * to every open page through a bounded queue per page ({@link io.vigie.dashboards.web.live.LivePage}); pages read it
 * as server-sent events. Event ids are Kafka position vectors, the same on every instance, so a page that reconnects
 * to any instance resumes with {@code Last-Event-ID}.
 */
package io.vigie.dashboards.web.live;
