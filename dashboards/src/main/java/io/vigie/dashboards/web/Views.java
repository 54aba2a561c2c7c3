package io.vigie.dashboards.web;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vigie.dashboards.web.auth.Principal;
import io.vigie.dashboards.web.i18n.TemplateFunctions;
import io.vigie.dashboards.web.i18n.UserPreferences;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * Renders the Pebble templates of {@code io/vigie/dashboards/web/templates}. Every value is HTML-escaped (autoescape
 * on); a template that must show sanitised HTML says {@code | raw} on that one field. Each page gets, besides its
 * own model: {@code user} (the {@link Principal}), {@code csrf} (the token forms carry as {@code _csrf}),
 * {@code prefs} ({@link UserPreferences}), {@code lang}, {@code path} (for the language switch), {@code assets}
 * (WebJar paths).
 */
public final class Views {
    private final PebbleEngine engine;
    private final Map<String, String> assets = new HashMap<>();

    public Views() {
        ClasspathLoader loader = new ClasspathLoader(Views.class.getClassLoader());
        loader.setPrefix("io/vigie/dashboards/web/templates");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .extension(new TemplateFunctions())
                .build();
        WebJarVersionLocator webjars = new WebJarVersionLocator();
        assets.put("uplotJs", "/webjars/" + webjars.path("uplot", "dist/uPlot.iife.min.js"));
        assets.put("uplotCss", "/webjars/" + webjars.path("uplot", "dist/uPlot.min.css"));
    }

    public Map<String, String> assets() {
        return assets;
    }

    /** Renders {@code template} with the page's {@code model} and the common values, as the response. */
    public void render(Context ctx, String template, Map<String, Object> model) {
        ctx.html(renderToString(ctx, template, model));
    }

    public String renderToString(Context ctx, String template, Map<String, Object> model) {
        UserPreferences prefs = WebContext.preferences(ctx);
        Principal user = WebContext.principal(ctx);
        Map<String, Object> values = new HashMap<>(model);
        values.put("user", user);
        values.put("csrf", user.csrfToken());
        values.put("prefs", prefs);
        values.put("lang", prefs.language());
        values.put("path", ctx.path());
        values.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        values.put("assets", assets);
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, values, prefs.locale());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
