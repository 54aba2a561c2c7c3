/**
 * The watchlist: the brands Vigie watches, on the compacted {@code watchlist} topic, written by {@code vigie brands
 * add|edit|rm} and by the {@code brands:} section of the configuration at start, read by the topology as a global
 * table (an edit applies to the next mention, no restart).
 */
package io.vigie.analyze.brands;
