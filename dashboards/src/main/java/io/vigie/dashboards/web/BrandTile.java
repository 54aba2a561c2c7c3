package io.vigie.dashboards.web;

import java.time.Instant;

/**
 * One brand's figures over the last 24 hours by publication time, whether read live or late (backfill).
 *
 * @param negative mentions whose sentiment for this brand is negative
 * @param latest event time of its latest mention, or null
 */
public record BrandTile(String brand, long lastDay, long lastHour, long negative, Instant latest) {
    /** Share of negative mentions in percent, rounded; 0 without mentions. */
    public long negativePercent() {
        return lastDay == 0 ? 0 : Math.round(100.0 * negative / lastDay);
    }
}
