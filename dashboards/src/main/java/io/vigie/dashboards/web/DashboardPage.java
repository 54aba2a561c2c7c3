package io.vigie.dashboards.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders the live page from its data; every value is HTML-escaped by Pebble's autoescaping. */
public final class DashboardPage {
    /** What the page shows. {@code result} is null when the search could not run. */
    public record Model(String query, String brand, List<BrandTile> tiles, SearchResult result, String error,
            boolean live, int refreshSeconds, Instant renderedAt) {}

    private final PebbleTemplate template;

    public DashboardPage() {
        ClasspathLoader loader = new ClasspathLoader(DashboardPage.class.getClassLoader());
        loader.setPrefix("io/vigie/dashboards/web");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .build();
        this.template = engine.getTemplate("dashboard.peb");
    }

    public String render(Model model) {
        Map<String, Object> context = new HashMap<>();
        context.put("query", model.query() == null ? "" : model.query());
        context.put("brand", model.brand() == null ? "" : model.brand());
        context.put("tiles", model.tiles() == null ? List.of() : model.tiles());
        context.put("result", model.result());
        context.put("error", model.error() == null ? "" : model.error());
        context.put("live", model.live());
        context.put("refreshSeconds", model.refreshSeconds());
        context.put("renderedAt", model.renderedAt());
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
