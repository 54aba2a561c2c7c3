package io.vigie.dashboards.web.brand;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.dashboards.web.live.MentionCard;
import io.vigie.model.SpikeSignal;
import io.vigie.model.VigieJson;
import io.vigie.model.WatchedBrand;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /brands/{brand}} and {@code GET /api/brands/{brand}} ({@code range}, {@code bucket}, {@code from},
 * {@code to}). The history stops at a cut on {@code scoredAt}, {@link #SEAM} before now; the page's live channel
 * opens with {@code since=<cut>} and the hub replays from there every mention scored at or after it. Each mention
 * is on exactly one side of the cut, so nothing is counted twice; nothing is missed as long as the indexer is less
 * than {@link #SEAM} behind (the ring of the hub holds the last minutes). The page also ignores a live mention whose
 * id it already shows (a new version of it updates the card, it is not counted again).
 */
public final class BrandPage {
    /** How far behind now the history stops: more than the indexer's usual lag (a flush is 1 s). */
    public static final Duration SEAM = Duration.ofSeconds(30);
    private static final int STREAM_SIZE = 50;

    private final PageServices services;
    private final BrandQuery query;
    private final RecentMentions recent;
    private final ObjectMapper json = VigieJson.newMapper();

    public BrandPage(PageServices services) {
        this.services = services;
        this.query = new BrandQuery(services.elasticsearch(), services.alias());
        this.recent = new RecentMentions(services.elasticsearch(), services.alias());
    }

    /** The competitor sets the brand belongs to. */
    Map<String, List<String>> setsOf(String brand) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        services.competitorSets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().contains(brand)).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Map<String, Object> model(Context ctx) throws Exception {
        String brand = ctx.pathParam("brand");
        Instant now = services.clock().instant();
        Range range = Range.parse(ctx.queryParam("range"), ctx.queryParam("bucket"), ctx.queryParam("from"),
                ctx.queryParam("to"), WebContext.preferences(ctx).zone(), now);
        long cut = range.live() ? now.minus(SEAM).toEpochMilli() : range.to().toEpochMilli();
        BrandFigures figures = query.figures(brand, range, cut, WebContext.preferences(ctx).zone(), setsOf(brand));
        List<MentionCard> newest = recent.newest(brand, range, cut, STREAM_SIZE);
        List<SpikeSignal> signals = services.feed() == null ? List.of()
                : services.feed().signals(brand, range.from(), range.to());
        Map<String, Object> m = new HashMap<>();
        WatchedBrand watched = services.feed() == null ? null : services.feed().brands().get(brand);
        m.put("brand", brand);
        m.put("brandName", watched == null || watched.name() == null ? brand : watched.name());
        m.put("range", range);
        m.put("figures", figures);
        m.put("mentions", newest);
        m.put("signals", signals);
        m.put("incidents", services.feed() == null ? List.of()
                : services.feed().openIncidentsByBrand().getOrDefault(brand, List.of()));
        return m;
    }

    public void page(Context ctx) throws Exception {
        Map<String, Object> m = model(ctx);
        Range range = (Range) m.get("range");
        Map<String, Object> data = new HashMap<>();
        data.put("brand", m.get("brand"));
        data.put("figures", m.get("figures"));
        data.put("signals", m.get("signals"));
        data.put("live", range.live());
        data.put("from", range.from().toEpochMilli());
        data.put("to", range.to().toEpochMilli());
        data.put("cut", ((BrandFigures) m.get("figures")).cutMillis());
        data.put("shown", ((List<?>) m.get("mentions")).stream().map(c -> ((MentionCard) c).id()).toList());
        m.put("pageData", json.writeValueAsString(data));
        services.views().render(ctx, "brand", m);
    }

    public void json(Context ctx) throws Exception {
        Map<String, Object> m = model(ctx);
        ctx.json(Map.of("brand", m.get("brand"), "figures", m.get("figures"), "mentions", m.get("mentions"),
                "signals", m.get("signals")));
    }
}
