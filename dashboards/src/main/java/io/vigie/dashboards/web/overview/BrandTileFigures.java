package io.vigie.dashboards.web.overview;

import java.util.List;

/**
 * One overview tile.
 *
 * @param expectedHour the usual volume of an hour: the mean hourly volume of the 7 days before the last 24 hours, over
 *     the part of them the brand has mentions for (a brand watched for 2 days is not diluted over 7); 0 without history
 * @param expectedDay the usual volume of 24 hours, 24 times {@code expectedHour}
 * @param sparkline mentions per hour over the last 24 hours, oldest first (24 values)
 * @param openIncidents open or acknowledged incidents of the brand
 * @param attention why the tile is ahead of others: higher first (see {@link #attention()})
 */
public record BrandTileFigures(String brand, String name, long lastHour, long lastDay, double expectedHour,
        double expectedDay, long negativeDay, List<Long> sparkline, int openIncidents) {

    public double negativeShare() {
        return lastDay == 0 ? 0 : (double) negativeDay / lastDay;
    }

    public long negativePercent() {
        return Math.round(100 * negativeShare());
    }

    /** Last hour against the usual, e.g. 3.0 for three times the usual; 0 without history. */
    public double hourRatio() {
        return expectedHour <= 0 ? (lastHour > 0 ? lastHour : 0) : lastHour / expectedHour;
    }

    public double dayRatio() {
        return expectedDay <= 0 ? (lastDay > 0 ? lastDay : 0) : lastDay / expectedDay;
    }

    /**
     * Ordering of the tiles: an open incident first, then how far the last hour is above the usual, then the
     * negative share (weighted by volume so one negative post among two does not lead).
     */
    public double attention() {
        double score = openIncidents > 0 ? 1000 : 0;
        score += Math.min(100, Math.max(0, hourRatio() - 1) * 10);
        score += negativeShare() * Math.min(1, lastDay / 20.0) * 10;
        return score;
    }

    /** The state the tile shows in words (never by colour alone): incident, above, below or usual. */
    public String state() {
        if (openIncidents > 0) {
            return "incident";
        }
        if (expectedHour > 0 && lastHour > 2 * expectedHour + 3) {
            return "above";
        }
        if (expectedHour >= 5 && lastHour < expectedHour / 3) {
            return "below";
        }
        return "usual";
    }
}
