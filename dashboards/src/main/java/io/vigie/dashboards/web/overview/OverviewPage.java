package io.vigie.dashboards.web.overview;

import io.javalin.http.Context;
import io.vigie.dashboards.web.PageServices;
import io.vigie.model.IncidentEvent;
import io.vigie.model.WatchedBrand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /}: a tile per watched brand (the {@code watchlist} topic, plus any brand with mentions), the brands
 * needing attention first. {@code GET /api/overview}: the same as JSON. Tiles move live: the page's script
 * follows the {@code mention}, {@code incident} and {@code stats} events.
 */
public final class OverviewPage {
    private final PageServices services;
    private final OverviewQuery query;

    public OverviewPage(PageServices services) {
        this.services = services;
        this.query = new OverviewQuery(services.elasticsearch(), services.alias());
    }

    public List<BrandTileFigures> tiles(Instant now) throws java.io.IOException {
        Map<String, OverviewQuery.Counts> counts = query.counts(now);
        Map<String, WatchedBrand> watched = services.feed() == null ? Map.of() : services.feed().brands();
        Map<String, List<IncidentEvent>> incidents = services.feed() == null ? Map.of()
                : services.feed().openIncidentsByBrand();
        TreeSet<String> ids = new TreeSet<>(counts.keySet());
        watched.forEach((id, b) -> {
            if (!b.paused()) {
                ids.add(id);
            }
        });
        List<BrandTileFigures> tiles = new ArrayList<>();
        for (String id : ids) {
            OverviewQuery.Counts c = counts.getOrDefault(id, OverviewQuery.Counts.none());
            WatchedBrand b = watched.get(id);
            tiles.add(new BrandTileFigures(id, b == null || b.name() == null ? id : b.name(), c.lastHour(), c.lastDay(),
                    c.expectedHour(), 24 * c.expectedHour(), c.negativeDay(), c.sparkline(),
                    incidents.getOrDefault(id, List.of()).size()));
        }
        tiles.sort(Comparator.comparingDouble(BrandTileFigures::attention).reversed()
                .thenComparing(Comparator.comparingLong(BrandTileFigures::lastDay).reversed())
                .thenComparing(BrandTileFigures::brand));
        return tiles;
    }

    public void page(Context ctx) throws Exception {
        services.views().render(ctx, "overview", Map.of("tiles", tiles(services.clock().instant()),
                "liveId", services.hub().currentId()));
    }

    public void json(Context ctx) throws Exception {
        ctx.json(tiles(services.clock().instant()));
    }
}
