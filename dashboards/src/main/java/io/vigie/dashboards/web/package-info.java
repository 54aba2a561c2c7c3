/**
 * The live page: per-brand counts of the last hours and a search box over {@code vigie-mentions}, served by
 * Javalin, HTML escaped by Pebble templates, data read from Elasticsearch at each request.
 */
package io.vigie.dashboards.web;
